import { cn } from "@/components/ui/cn";

interface SelectProps extends React.SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  hideLabel?: boolean;
}

export function Select({ label, name, error, hint, hideLabel, className, children, id, ...props }: SelectProps) {
  const inputId = id ?? name;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={inputId} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-700"}>
        {label}
      </label>
      <select
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined}
        className={cn(
          "block w-full rounded-lg border-0 bg-white py-2 pr-8 pl-3 text-sm text-slate-900 shadow-sm ring-1 ring-inset " +
            "focus:ring-2 focus:ring-inset",
          error ? "ring-red-400 focus:ring-red-500" : "ring-slate-300 focus:ring-brand-500",
        )}
        {...props}
      >
        {children}
      </select>
      {error ? (
        <p id={`${inputId}-error`} className="text-sm text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p id={`${inputId}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
