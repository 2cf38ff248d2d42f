/** A report table's CSV download (the dashboard's export route, same parameters as the page). */
export function CsvLink({ href, label = "Export CSV" }: { href: string; label?: string }) {
  return (
    <a href={href} className="rounded-md px-2 py-1 text-xs font-medium text-brand-700 ring-1 ring-brand-100 hover:bg-brand-50" download>
      {label}
    </a>
  );
}
