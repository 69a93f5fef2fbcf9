// Storybook 10 (web components + Vite). Stories live in stories/; autodocs and controls come from
// custom-elements.json (see preview.ts). In `storybook dev` a small Vite plugin starts the Fluss
// dev server (child process, free port) for the live-run story and tells the page where it is at
// /fluss-dev-server.json; a static build ships a placeholder there (no server: the story says how
// to start one).
import type { StorybookConfig } from '@storybook/web-components-vite';
import { devServerInfoPlugin } from './dev-server-plugin.js';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts', '../stories/**/*.mdx'],
  addons: ['@storybook/addon-docs'],
  framework: {
    name: '@storybook/web-components-vite',
    options: {
      builder: { viteConfigPath: '.storybook/vite.config.ts' },
    },
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  async viteFinal(config, { configType }) {
    config.plugins = [...(config.plugins ?? []), devServerInfoPlugin(configType === 'DEVELOPMENT')];
    return config;
  },
};

export default config;
