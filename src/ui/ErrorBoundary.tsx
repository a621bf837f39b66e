/**
 * Catches a render error below it and shows `fallback` instead of unmounting the whole page:
 * a bug in one panel must never turn the playground into a white screen or lose the design.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = {
  children: ReactNode;
  /** What to show instead; `retry` renders the children again. */
  fallback: (error: Error, retry: () => void) => ReactNode;
};

type State = { error: Error | null };

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Archsim caught a render error:', error, info.componentStack);
  }

  private retry = () => this.setState({ error: null });

  render() {
    return this.state.error ? this.props.fallback(this.state.error, this.retry) : this.props.children;
  }
}
