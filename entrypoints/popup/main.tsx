import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Popup } from '../../components/popup/Popup';
import { openPopupFeed } from '../../components/popup/popup-feed';
import '../../components/common/theme.css';
import '../../components/popup/popup.css';

// Asked before the first render, so that the background answers while the page renders.
const feed = openPopupFeed(Date.now());
const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><Popup feed={feed} /></StrictMode>);
