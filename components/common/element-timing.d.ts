import 'react';

// The Element Timing API's attribute (Chromium reports when an element so named is first
// painted): React passes it through, its types do not name it yet.
declare module 'react' {
  // The type parameter is React's own; the augmentation must repeat it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
