import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `base: './'` lets the built app be served from any path (scripts/dev-chain, the browser test).
export default defineConfig({
  base: './',
  plugins: [react()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', sourcemap: false },
  test: { include: ['tests/unit/**/*.test.ts'] },
});
