// The Article Editor's page (the browser side of the custom editor `article.editor`). The host
// gives it `<div id="app">` and talks to it only through the messages of src/editor/protocol.ts.

import type { ViewMessage } from '../src/editor/protocol';
import { ArticleEditor } from './editor';

interface VsCodeApi {
  postMessage(message: ViewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
let root = document.getElementById('app');
if (!root) {
  root = document.createElement('div');
  root.id = 'app';
  document.body.append(root);
}
const editor = new ArticleEditor(root, {
  postMessage: (message) => api.postMessage(message),
  getState: () => api.getState(),
  setState: (state) => api.setState(state),
});
window.addEventListener('message', (event: MessageEvent<unknown>) => editor.receive(event.data));
editor.start();
