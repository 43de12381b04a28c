/** A plain "loading" line, announced politely, shown while a page's data arrives. */
export function PageLoading({ label }: { label: string }) {
  return (
    <p className="rt-loading" role="status">
      <span className="rt-loading__spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
