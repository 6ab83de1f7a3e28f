import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Options } from '../../components/options/Options';
import '../../components/common/theme.css';
import '../../components/options/options.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><Options /></StrictMode>);
