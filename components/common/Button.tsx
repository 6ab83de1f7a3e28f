import type { ButtonHTMLAttributes } from 'react';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'default' | 'primary' | 'danger' | 'danger-solid';
  small?: boolean;
}

const VARIANT_CLASS = { default: '', primary: 'btn-primary', danger: 'btn-danger', 'danger-solid': 'btn-danger btn-solid' };

/** A button that never submits a form by accident. */
export function Button({ variant = 'default', small = false, className = '', type = 'button', ...rest }: ButtonProps) {
  const classes = ['btn', VARIANT_CLASS[variant], small ? 'btn-small' : '', className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
