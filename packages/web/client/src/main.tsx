import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { token } from './api.ts';
import { DocumentsPage } from './documents-page.tsx';
import { DocumentPage } from './document-page.tsx';
import { ExplorePage } from './explore-page.tsx';
import './style.css';

/** #/ documents, #/doc/<sha256>/<page>, #/explore */
function useRoute(): string[] {
  const read = () => location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    addEventListener('hashchange', on);
    // the hash may have changed between the first render and this effect
    on();
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

function App() {
  const route = useRoute();
  const [view, sha, page] = route;
  return (
    <>
      <header>
        <a href="#/" class="brand">juesuan 决算</a>
        <nav>
          <a href="#/" class={view === undefined ? 'on' : ''}>Documents</a>
          <a href="#/explore" class={view === 'explore' ? 'on' : ''}>Explore</a>
        </nav>
        <span class="mode" title="changes need the token printed by juesuan serve">{token() ? 'token: changes allowed' : 'read-only (open the URL juesuan serve printed to make changes)'}</span>
      </header>
      <main>
        {view === 'doc' && sha ? <DocumentPage sha256={sha} page={Number(page ?? 1) || 1} /> : view === 'explore' ? <ExplorePage /> : <DocumentsPage />}
      </main>
    </>
  );
}

// text laid out before the CJK font arrived keeps its missing glyphs in Chromium: draw once it is loaded (or after 3 s)
void Promise.race([document.fonts.load('14px "juesuan CJK"', '决算'), new Promise((res) => setTimeout(res, 3000))])
  .catch(() => undefined)
  .finally(() => render(<App />, document.getElementById('app')!));
