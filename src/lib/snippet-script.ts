/**
 * The "copy as script" text: the commands under a bash shebang and `set -euo pipefail`, so the script stops at
 * the first failing command. Dependency-free: the copy island ships it.
 */
export function scriptText(commands: string): string {
  return `#!/usr/bin/env bash\nset -euo pipefail\n\n${commands.replace(/\n+$/, '')}\n`;
}
