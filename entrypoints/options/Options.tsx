export function Options() {
  return (
    <main aria-label="ERP Sync Watch settings">
      <h1>ERP Sync Watch settings</h1>
    </main>
  );
}
