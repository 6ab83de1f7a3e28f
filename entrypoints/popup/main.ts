import { askEarly } from '../../components/popup/first-answers';

// The background is asked before React's bundle is even read: the UI is a chunk of its own,
// loaded while the answers are on their way (in the real popup window, React took ~35 ms to
// read and mount before it asked).
askEarly();
void import('./mount');
