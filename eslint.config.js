// ESLint flat config for editors and `npm run lint`: every rule, the type-aware ones with each file checked by
// the tsconfig that owns it. The rules themselves are in scripts/lint/config.mjs.
import { syntaxConfig, typeAwareConfig } from './scripts/lint/config.mjs';

export default [...syntaxConfig, ...typeAwareConfig({ projectService: true, tsconfigRootDir: import.meta.dirname })];
