import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '../../test/testing.js';
import { LitElement } from 'lit';
import { API, sessionCreated } from '../../test/fixtures.js';
import { useMockApi } from '../../test/mock-api.js';
import { apiFor, PorticoApi } from './api.js';
import { ApiSessionController } from './api-session-controller.js';
import { porticoApiContext } from './context.js';

class SessionHost extends LitElement {
  api = API;
  renders = 0;
  changes = 0;
  readonly session = new ApiSessionController(this, {
    api: () => this.api,
    changed: () => this.changes++,
  });

  override render(): unknown {
    this.renders++;
    return this.session.token ?? 'signed out';
  }
}
customElements.define('test-session-host', SessionHost);

class PortalStandIn extends LitElement {
  readonly provider = new ContextProvider(this, { context: porticoApiContext });

  override render(): unknown {
    return html`<slot></slot>`;
  }
}
customElements.define('test-portal-stand-in', PortalStandIn);

describe('ApiSessionController', () => {
  useMockApi();

  it('alone on a page, uses the client of the host’s api base and its session', async () => {
    const host = await fixture<SessionHost>(html`<test-session-host></test-session-host>`);
    expect(host.session.client).to.equal(apiFor(API));
    expect(host.session.provided).to.equal(undefined);
    expect(host.session.token).to.equal(null);
  });

  it('inside a provider, uses the provided client', async () => {
    const provided = new PorticoApi(API);
    const portal = await fixture<PortalStandIn>(
      html`<test-portal-stand-in><test-session-host></test-session-host></test-portal-stand-in>`,
    );
    portal.provider.setValue(provided);
    const host = portal.querySelector<SessionHost>('test-session-host')!;
    await host.updateComplete;
    expect(host.session.provided).to.equal(provided);
    expect(host.session.client).to.equal(provided);
  });

  it('re-renders its host and tells it when the session starts and ends', async () => {
    const host = await fixture<SessionHost>(html`<test-session-host></test-session-host>`);
    const before = host.renders;
    host.session.store.start(sessionCreated());
    await host.updateComplete;
    expect(host.shadowRoot!.textContent).to.equal('session-token-northwind');
    expect(host.changes).to.equal(1);
    host.session.store.end('logout');
    await host.updateComplete;
    expect(host.shadowRoot!.textContent).to.equal('signed out');
    expect(host.changes).to.equal(2);
    expect(host.renders).to.equal(before + 2);
  });

  it('follows a change of api base and stops listening once disconnected', async () => {
    const host = await fixture<SessionHost>(html`<test-session-host></test-session-host>`);
    const other = `${API}/other`;
    host.api = other;
    host.requestUpdate();
    await host.updateComplete;
    expect(host.session.client.base).to.equal(other);
    apiFor(API).session.start(sessionCreated());
    expect(host.changes).to.equal(0);
    host.session.store.start(sessionCreated());
    expect(host.changes).to.equal(1);
    host.remove();
    host.session.store.end('logout');
    expect(host.changes).to.equal(1);
  });
});
