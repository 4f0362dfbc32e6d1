import { useState } from 'react';
import type { RefObject } from 'react';
import type { SearchController } from '../state/use-search.ts';

/** The search field: Enter searches, Escape closes the results, Arrow Down enters them. */
export function SearchBox({ controller, inputRef, onEnterResults }: { controller: SearchController; inputRef: RefObject<HTMLInputElement | null>; onEnterResults: () => void }) {
  const [value, setValue] = useState('');
  return (
    <div className="search-box" role="search">
      <label htmlFor="search-input" className="visually-hidden">
        Search all messages
      </label>
      <input
        id="search-input"
        ref={inputRef}
        data-testid="search-input"
        type="search"
        value={value}
        dir="auto"
        spellCheck={false}
        autoComplete="off"
        placeholder='Search: words, "exact phrase", -exclude, prefix*'
        aria-describedby="search-shortcut"
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void controller.run(value);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            controller.close();
          } else if (event.key === 'ArrowDown' && controller.state.hits.length > 0) {
            event.preventDefault();
            controller.reopen();
            // The list mounts on reopen; focus it once React has rendered it.
            requestAnimationFrame(onEnterResults);
          }
        }}
      />
      <span id="search-shortcut" className="shortcut" aria-label="Shortcut: slash or Control K">
        / or Ctrl+K
      </span>
    </div>
  );
}
