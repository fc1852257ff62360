// typescript-eslint on every TypeScript file: no explicit `any`, no object-literal casts, and no
// `as` cast to a type the value already has; tests may use `!` on values they have just asserted.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', 'data/', 'publish/', 'bench/results/', 'web/**/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', AbortSignal: 'readonly', document: 'readonly', window: 'readonly', navigator: 'readonly', location: 'readonly', performance: 'readonly', structuredClone: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', Blob: 'readonly', FormData: 'readonly', Headers: 'readonly', Response: 'readonly', Request: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly', speechSynthesis: 'readonly', SpeechSynthesisUtterance: 'readonly', AudioContext: 'readonly', localStorage: 'readonly', EventSource: 'readonly', WebSocket: 'readonly', requestAnimationFrame: 'readonly', getComputedStyle: 'readonly', HTMLElement: 'readonly', Event: 'readonly', KeyboardEvent: 'readonly', MutationObserver: 'readonly', Intl: 'readonly', crypto: 'readonly', alert: 'readonly', confirm: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
