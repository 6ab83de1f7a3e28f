import { z } from 'zod/mini';
import { englishMessage } from './zod-english';

// zod/mini ships no messages of its own (every issue would read "Invalid input"); classic zod
// registers English on first use. Schemas import `z` from here, so users and reports keep zod's
// English wording ("Invalid input: expected number, received string") with the smaller build.
z.config({ localeError: englishMessage });

export { z };
