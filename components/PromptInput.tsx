// The prompt line (ink-text-input), the reverse search line that replaces it, and command suggestions.
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { pad } from './format.js';
import type { CommandHint } from './types.js';

const MAX_SUGGESTIONS = 8;

export interface PromptInputProps {
  value: string;
  onChange(value: string): void;
  onSubmit(value: string): void;
  focus: boolean;
  placeholder: string;
  /** Ctrl-R: the search replaces the input line */
  search: { query: string; match: string | null } | null;
  suggestions: CommandHint[];
  /** Tab found several completions */
  candidates: string[];
}

export function PromptInput({ value, onChange, onSubmit, focus, placeholder, search, suggestions, candidates }: PromptInputProps) {
  const width = Math.max(...suggestions.map((s) => s.name.length + (s.args ? s.args.length + 1 : 0)), 0) + 3;
  return (
    <Box flexDirection="column">
      <Box borderStyle="round" borderColor={focus ? 'magenta' : 'gray'} paddingX={1}>
        {search ? (
          <Text>
            <Text color="yellow">{`(reverse-i-search)'${search.query}': `}</Text>
            {search.match ?? <Text dimColor>no match</Text>}
          </Text>
        ) : (
          <Box>
            <Text color="magenta">{'> '}</Text>
            <TextInput value={value} onChange={onChange} onSubmit={onSubmit} focus={focus} placeholder={placeholder} />
          </Box>
        )}
      </Box>
      {candidates.length > 0 ? <Text dimColor>{candidates.join('  ')}</Text> : null}
      {suggestions.slice(0, MAX_SUGGESTIONS).map((s) => (
        <Text key={s.name} wrap="truncate">
          <Text color="cyan">{pad(`/${s.name}${s.args ? ` ${s.args}` : ''}`, width)}</Text>
          <Text dimColor>{s.description}</Text>
        </Text>
      ))}
    </Box>
  );
}
