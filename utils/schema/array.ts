import { runApart, schema, under, type AnySchema, type Input, type Output, type Schema } from './schema';
import { typeIssue } from './english';

/*#__NO_SIDE_EFFECTS__*/ export function array<E extends AnySchema>(element: E): Schema<Output<E>[], Input<E>[]> {
  return schema({
    read(value, issues) {
      if (!Array.isArray(value)) {
        issues.push(typeIssue('array', value));
        return value;
      }
      // A loop, not `map`: a hole in the array is read as undefined, as zod reads it.
      const out: unknown[] = [];
      for (let index = 0; index < value.length; index++) {
        const { read, issues: child } = runApart(element, value[index]);
        out.push(read);
        under(index, child, issues);
      }
      return out;
    },
  });
}
