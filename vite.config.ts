import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  // Relative asset URLs, so the same build loads from Electron's file or custom protocol and from the
  // browser host at '/'.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // A desktop app loads its bundle from disk; antd alone is past Vite's web-oriented 500 kB hint.
    chunkSizeWarningLimit: 2500,
  },
});
