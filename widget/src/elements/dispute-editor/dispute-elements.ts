/**
 * The dispute elements as one chunk (`internal/lazy.ts` loads it for any of them): the form, a dispute's
 * page and the list share the dispute calls (`internal/dispute-api.ts`) and the file downloads. As three
 * chunks, that small shared code made a chunk of its own, which the build merges into `portico.js`
 * (chunks under 2 KB are merged into one every page loads): the first view paid for disputes. Together
 * they are one request of about 12 KB, and a person who opens one of them usually opens another.
 */
import '../dispute/define.js';
import './define.js';
import '../dispute-list/define.js';
