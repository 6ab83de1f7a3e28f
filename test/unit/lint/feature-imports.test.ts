import { describe, expect, it } from 'vitest';
import { lintProblems as problems } from './lint-problems';

describe('lint: features are independent', () => {
  it.each([
    ['a sibling feature\'s file', 'features/disbursement-badges/Bad.tsx', "import { PreflightMark } from '../preflight/PreflightMark';\nexport const x = PreflightMark;\n"],
    ['a sibling feature', 'features/disbursement-badges/Bad.tsx', "import preflight from '../preflight';\nexport const x = preflight;\n"],
    ['the registry', 'features/disbursement-badges/Bad.tsx', "import { FEATURES } from '../registry';\nexport const x = FEATURES;\n"],
    ['a feature by a long path (types too)', 'features/preflight/Bad.tsx', "import type { Feature } from '../../features/disbursement-detail/index';\nexport type X = Feature;\n"],
  ])('a feature may not import %s', async (_what, filePath, source) => {
    expect(await problems(filePath, source)).toContain('no-restricted-imports');
  });

  it.each([
    ['a feature', 'features/preflight/Good.tsx', "import { defineFeature } from '../feature';\nimport { usePreflight } from './use-preflight';\nimport { useWatchStore } from '../../components/overlay/use-watches';\nexport const x = [defineFeature, usePreflight, useWatchStore];\n"],
    ['shared code', 'components/overlay/Good.tsx', "import type { Feature } from '../../features/feature';\nimport { FEATURES } from '../../features/registry';\nexport const x: readonly Feature[] = FEATURES;\n"],
  ])('%s may import the feature contract, its own files and shared code', async (_who, filePath, source) => {
    expect(await problems(filePath, source)).toEqual([]);
  });
});
