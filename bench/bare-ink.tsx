// The floor for the first frame: the smallest Ink app, one <Text>, on the same node, react and ink.
import { render, Text } from 'ink';

render(<Text>bare ink frame</Text>);
setTimeout(() => process.exit(0), 3000);
