/**
 * Types a value into one of the page's own inputs the way a person would, so the page's
 * handlers (and its **Export** button) see it: value set, then `input` and `change` events.
 */
export function fillInput(input: HTMLInputElement, value: string): void {
  const view = input.ownerDocument.defaultView!;
  input.focus();
  const setter = Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new view.Event('input', { bubbles: true }));
  input.dispatchEvent(new view.Event('change', { bubbles: true }));
  input.blur();
}
