import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // The budget that matters is gzipped first-load JavaScript (≤ 300 KB), printed by
  // `npm run bench:ui`; the main chunk is ~630 KB before compression, ~200 KB after.
  build: { chunkSizeWarningLimit: 800 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['src/testSetup.ts'],
    testTimeout: 60_000,
  },
});
