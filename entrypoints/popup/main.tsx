import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Popup } from '../../components/popup/Popup';
import { LAST_VIEW_KEY } from '../../components/popup/forget-last-view';
import { openPopupFeed } from '../../components/popup/popup-feed';
import '../../components/common/theme.css';
import '../../components/popup/popup.css';

// With no rows kept from last time, the answers are asked before the first render, so that the
// background answers while the page renders. With them, the popup asks after its first frame
// (its effect): answers that came sooner would compete with that frame.
const feed = localStorage.getItem(LAST_VIEW_KEY) === null ? openPopupFeed(Date.now()) : undefined;
const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><Popup feed={feed} /></StrictMode>);
