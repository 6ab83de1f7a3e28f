import { describe, expect, it } from 'vitest';
import { lintProblems as problems } from './lint-problems';

describe('lint: utils/domain is pure', () => {
  it.each([
    ['wxt/browser', 'utils/domain/bad.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;\n"],
    ['idb', 'utils/domain/bad.ts', "import { openDB } from 'idb';\nexport const x = openDB;\n"],
    ['the engine', 'utils/domain/bad.ts', "import { Engine } from '../engine/engine';\nexport const x = Engine;\n"],
    ['the store (types too)', 'utils/domain/schemas/bad.ts', "import type { EngineDb } from '../../store/engine-db';\nexport type X = EngineDb;\n"],
    ['the Procore client', 'utils/domain/bad.ts', "import { ProcoreClient } from '../procore/procore-client';\nexport const x = ProcoreClient;\n"],
    ['the overlay', 'utils/domain/bad.ts', "import * as o from '../overlay/watch-store';\nexport const x = o;\n"],
    ['a component', 'utils/domain/bad.ts', "import { Popup } from '../../components/popup/Popup';\nexport const x = Popup;\n"],
    ['an entrypoint', 'utils/domain/bad.ts', "import x from '../../entrypoints/background';\nexport const y = x;\n"],
    ['a feature', 'utils/domain/bad.ts', "import { FEATURES } from '../../features/registry';\nexport const x = FEATURES;\n"],
  ])('may not import %s', async (_what, filePath, source) => {
    expect(await problems(filePath, source)).toContain('no-restricted-imports');
  });

  it.each([
    ['browser', 'export const x = () => browser.runtime.id;\n'],
    ['chrome', 'export const x = () => chrome.runtime.id;\n'],
    ['window', 'export const x = () => window.location.href;\n'],
    ['document', 'export const x = () => document.title;\n'],
    ['indexedDB', 'export const x = () => indexedDB.open("x");\n'],
    ['fetch', 'export const x = () => fetch("/x");\n'],
  ])('may not use the global %s', async (_name, source) => {
    expect(await problems('utils/domain/bad.ts', source)).toContain('no-restricted-globals');
  });

  it('may not read the clock', async () => {
    expect(await problems('utils/domain/bad.ts', 'export const now = () => Date.now();\n')).toContain('no-restricted-syntax');
    expect(await problems('utils/domain/bad.ts', 'export const now = () => new Date();\n')).toContain('no-restricted-syntax');
  });

  it('may import its own files and the schema validator, parse dates given to it, and the rest of the code may still use the browser', async () => {
    expect(await problems('utils/domain/good.ts', "import * as z from '../schema/z';\nimport type { Watch } from './watch';\nexport const x = (w: Watch, at: string) => [z, w, Date.parse(at), new Date(at)];\n")).toEqual([]);
    expect(await problems('utils/engine/good.ts', "import { browser } from 'wxt/browser';\nexport const x = () => [browser.runtime.id, Date.now()];\n")).toEqual([]);
  });
});
