import { expect, fixture, html } from '../../test/testing.js';
import { LitElement } from 'lit';
import { catchDownloads } from '../../test/downloads.js';
import type { DownloadedFile } from './api.js';
import { DownloadController } from './download-controller.js';

class DownloadHost extends LitElement {
  readonly single = new DownloadController(this);
  readonly perKey = new DownloadController<string>(this);
  readonly oneAtATime = new DownloadController<'csv' | 'pdf'>(this, { oneAtATime: true });
}
customElements.define('test-download-host', DownloadHost);

/** A file that arrives when `resolve` is called, or fails with `reject`. */
function pending(filename: string) {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<DownloadedFile>((ok, fail) => {
    resolve = () => ok({ blob: new Blob(['%PDF']), filename });
    reject = fail;
  });
  return { fetchFile: () => promise, resolve, reject };
}

describe('DownloadController', () => {
  let caught: ReturnType<typeof catchDownloads>;
  beforeEach(() => {
    caught = catchDownloads();
  });
  afterEach(() => caught.restore());

  it('is busy while the file is fetched, then saves it from the host’s shadow root', async () => {
    const host = await fixture<DownloadHost>(html`<test-download-host></test-download-host>`);
    const file = pending('INV-1042.pdf');
    const saving = host.single.save(true, file.fetchFile);
    expect(host.single.busy()).to.equal(true);
    expect(host.single.busy(true)).to.equal(true);
    file.resolve();
    await saving;
    expect(host.single.busy()).to.equal(false);
    expect(caught.downloads).to.have.length(1);
    expect(caught.downloads[0]).to.include({ filename: 'INV-1042.pdf', connected: true });
    expect(caught.downloads[0]!.href).to.match(/^blob:/);
  });

  it('does not start a download that is under way twice', async () => {
    const host = await fixture<DownloadHost>(html`<test-download-host></test-download-host>`);
    const file = pending('R-1.pdf');
    let fetches = 0;
    const fetchFile = () => (fetches++, file.fetchFile());
    const first = host.perKey.save('pay_1', fetchFile);
    const second = host.perKey.save('pay_1', fetchFile);
    const other = host.perKey.save('pay_2', fetchFile);
    expect(fetches).to.equal(2);
    expect(host.perKey.busy('pay_1')).to.equal(true);
    expect(host.perKey.busy('pay_2')).to.equal(true);
    file.resolve();
    await Promise.all([first, second, other]);
    expect(caught.downloads).to.have.length(2);
  });

  it('with oneAtATime, refuses any other download while one is under way', async () => {
    const host = await fixture<DownloadHost>(html`<test-download-host></test-download-host>`);
    const csv = pending('statement.csv');
    const pdf = pending('statement.pdf');
    const first = host.oneAtATime.save('csv', csv.fetchFile);
    await host.oneAtATime.save('pdf', pdf.fetchFile);
    expect(host.oneAtATime.current).to.equal('csv');
    csv.resolve();
    await first;
    expect(caught.downloads.map((download) => download.filename)).to.deep.equal(['statement.csv']);
  });

  it('keeps the error of the download that failed until the next one or clearError()', async () => {
    const host = await fixture<DownloadHost>(html`<test-download-host></test-download-host>`);
    const failing = pending('R-1.pdf');
    const saving = host.perKey.save('pay_1', failing.fetchFile);
    failing.reject(new Error('offline'));
    await saving;
    expect(host.perKey.error?.key).to.equal('pay_1');
    expect((host.perKey.error?.error as Error).message).to.equal('offline');
    expect(host.perKey.busy()).to.equal(false);
    host.perKey.clearError();
    expect(host.perKey.error).to.equal(null);
    const again = pending('R-1.pdf');
    const retry = host.perKey.save('pay_1', again.fetchFile);
    again.resolve();
    await retry;
    expect(host.perKey.error).to.equal(null);
    expect(caught.downloads).to.have.length(1);
  });
});
