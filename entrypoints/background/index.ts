import { defineBackground } from 'wxt/utils/define-background';
import { registerMessageHandlers } from './messages';
import { registerOmnibox } from './omnibox';

export default defineBackground({
  main() {
    registerMessageHandlers();
    registerOmnibox();
  },
});
