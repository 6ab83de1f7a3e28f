export function Popup() {
  return (
    <main aria-label="ERP Sync Watch">
      <h1>ERP Sync Watch</h1>
    </main>
  );
}
