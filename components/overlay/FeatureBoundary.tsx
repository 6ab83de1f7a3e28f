import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Told once, when the feature's subtree throws while rendering (or in an effect). */
  onError: (error: unknown) => void;
}

/**
 * One feature's subtree: when it throws, it draws nothing from then on and the features beside
 * it keep working.
 */
export class FeatureBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError(error);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
