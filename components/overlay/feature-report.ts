import { createContext, useContext } from 'react';

/**
 * Says what went wrong in the feature drawing here (the Compatibility panel shows it) without
 * stopping the feature: a miss it has already repaired, for example.
 */
export const FeatureReport = createContext<(message: string) => void>(() => undefined);

export const useFeatureReport = (): ((message: string) => void) => useContext(FeatureReport);
