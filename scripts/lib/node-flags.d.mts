export const NODE_FLAGS: Record<string, string[]>;
