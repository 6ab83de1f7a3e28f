/**
 * The overlays' only stylesheet, adopted by every shadow root they draw in. Colours meet WCAG AA
 * (4.5:1 or better for text) and always repeat what the words and icons already say.
 */
export const OVERLAY_CSS = `
:host { all: initial; font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f; }
:host { display: inline-block; vertical-align: middle; margin-inline-start: 6px; contain: layout style; }
:host([data-erp-sync-watch="banner"]), :host([data-erp-sync-watch="root"]) { display: block; margin: 0; }
:host([data-erp-sync-watch="root"]) { contain: none; }
/* Hosts contain their layout so a countdown's tick stays inside them (tabular digits keep its
   width); not the root host: its fixed-position layer would be trapped inside it. */
:host([data-erp-sync-watch="fix"]) { display: block; margin: 6px 0 4px; white-space: normal; line-height: 1.4; }
.fix { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.fix .plain { flex-basis: 100%; color: #1f1f1f; font-weight: 400; }
.fix .beside-export { margin-inline-start: auto; }
.beside-text { display: inline-block; white-space: nowrap; }
* { box-sizing: border-box; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.pill { font-variant-numeric: tabular-nums; display: inline-flex; align-items: center; gap: 4px; padding: 1px 8px; border-radius: 10px; border: 1px solid currentColor; font: inherit; font-weight: 600; white-space: nowrap; line-height: 18px; cursor: default; background: #f1f1f1; color: #424242; }
button.pill { cursor: pointer; }
.pill.icon-only { padding: 1px 5px; }
button:focus-visible, a:focus-visible, [tabindex]:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.tone-progress { background: #e8f1fb; color: #0b4f8a; }
.tone-ok { background: #e8f5e9; color: #1b5e20; }
.tone-bad { background: #fdecea; color: #a4161a; }
.tone-warn { background: #fff4e0; color: #7a4100; }
.tone-muted { background: #f1f1f1; color: #424242; }
.row-line { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
.cause { color: #1f1f1f; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 360px; }
a { color: #0b57d0; text-decoration: underline; }
.btn { font: inherit; font-weight: 600; padding: 2px 8px; border-radius: 4px; border: 1px solid #5f6368; background: #fff; color: #1f1f1f; cursor: pointer; line-height: 18px; }
.btn-primary { background: #0b57d0; border-color: #0b57d0; color: #fff; }
.btn:disabled { color: #5f6368; background: #f1f1f1; cursor: not-allowed; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483000; }
.popover { position: fixed; pointer-events: auto; max-width: 460px; min-width: 260px; max-height: 60vh; overflow: auto; background: #fff; color: #1f1f1f; border: 1px solid #5f6368; border-radius: 6px; box-shadow: 0 6px 24px rgba(0,0,0,.25); padding: 10px 12px; }
.popover h2, .dialog h2 { font-size: 13px; margin: 0 0 6px; }
.popover ul, .checklist ul { list-style: none; margin: 0; padding: 0; }
.popover li { padding: 4px 0; border-top: 1px solid #e0e0e0; display: grid; gap: 2px; }
.popover li:first-child { border-top: 0; }
.popover li > .pill { justify-self: start; }
.muted { color: #4a4a4a; }
.dialog-backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); pointer-events: auto; display: grid; place-items: center; }
.dialog { background: #fff; color: #1f1f1f; border-radius: 8px; padding: 16px; width: min(440px, 92vw); box-shadow: 0 10px 40px rgba(0,0,0,.35); }
.dialog table { border-collapse: collapse; margin: 8px 0 12px; }
.dialog th, .dialog td { text-align: left; padding: 3px 10px 3px 0; }
.dialog-actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 8px; }
.error { color: #a4161a; font-weight: 600; }
.fix.focused { outline: 3px solid #0b57d0; outline-offset: 2px; border-radius: 4px; }
.banner { display: flex; gap: 8px; align-items: flex-start; margin: 8px 0; padding: 8px 12px; border: 1px solid #7a4100; border-radius: 6px; background: #fff4e0; color: #3d2100; }
.checklist { display: inline-block; vertical-align: top; margin: 0 8px; padding: 8px 10px; border: 1px solid #5f6368; border-radius: 6px; background: #fff; max-width: 420px; }
.checklist li { padding: 2px 0; }
.toast { position: fixed; right: 16px; bottom: 16px; pointer-events: auto; max-width: 380px; padding: 8px 12px; border-radius: 6px; background: #fdecea; color: #a4161a; border: 1px solid #a4161a; }
`;
