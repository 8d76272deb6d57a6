// Which chunk of the app each address opens with: the same names as the
// `lazy_page!` split points in src/app/routes.rs. The start-up script
// preloads the chunk of the page a visit starts on, the size report adds
// up each page's files, and the browser tests check every chunk here is
// in the build and every chunk in the build is here.

/** [pattern, chunk, needs set-up] for every address, in order. A client
 *  page opens with the welcome screen instead until the client has set
 *  up: it is in the app's main file, and set-up's chunk is fetched while
 *  it is read. */
export const ROUTES = [
  ['^/$', 'client', true],
  ['^/goals(/.*)?$', 'client', true],
  ['^/diary(/.*)?$', 'client', true],
  ['^/appointments(/.*)?$', 'client', true],
  ['^/check-in(/.*)?$', 'client', true],
  ['^/share$', 'client', true],
  ['^/my-data$', 'client', true],
  ['^/my-data/details$', 'setup', true],
  ['^/review$', 'review', false],
];

/** Every chunk of pages the app is split into. */
export const CHUNKS = ['client', 'setup', 'review'];

/** The chunk `path` opens with, for a client who has (or has not) set up;
 *  `null` when its first screen is in the app's main file (the welcome
 *  screen, and the "not found" page). */
export function chunkFor(path, setUp) {
  for (const [pattern, chunk, needsSetUp] of ROUTES) {
    if (new RegExp(pattern).test(path)) return needsSetUp && !setUp ? null : chunk;
  }
  return null;
}
