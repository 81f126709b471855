// The environment a model's bash gets: the user's, without provider keys and without anything that looks
// like a credential. The project's `.env` never enters it: bakeoff reads its provider settings without
// copying them into process.env (dotenv.ts).
/** Names a provider reads its key or endpoint from (provider-settings.ts). */
const providerVariables = /^(OPENAI|ANTHROPIC|OPENROUTER|OLLAMA|OPENAI_COMPATIBLE)_/;
/** Names that usually hold a secret, whoever set them. */
const secretLooking = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH|COOKIE|SESSION)/i;

export function sandboxEnv(env: NodeJS.ProcessEnv, extra: Record<string, string> = {}): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || providerVariables.test(name) || secretLooking.test(name)) continue;
    kept[name] = value;
  }
  return { ...kept, ...extra };
}
