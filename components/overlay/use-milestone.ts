import { useEffect, useRef } from 'react';
import { useOverlay } from './overlay-context';

/**
 * Announces politely when `milestone` changes (synced, failed, overdue…), never on first
 * render and never for the clock: a countdown's seconds are not milestones.
 */
export function useMilestone(milestone: string | null, message: string): void {
  const { announce } = useOverlay();
  const previous = useRef(milestone);
  useEffect(() => {
    if (previous.current === milestone) return;
    previous.current = milestone;
    if (milestone !== null) announce(message);
  }, [milestone, message, announce]);
}
