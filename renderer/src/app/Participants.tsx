/** Names isolated one by one, so a right-to-left name cannot reorder its neighbours. */
export function Participants({ names, limit }: { names: readonly string[]; limit?: number }) {
  if (names.length === 0) return <span>no named participants</span>;
  const shown = limit === undefined ? names : names.slice(0, limit);
  const more = names.length - shown.length;
  return (
    <span>
      {shown.map((name, index) => (
        <span key={`${index}-${name}`}>
          {index > 0 && ', '}
          <bdi>{name}</bdi>
        </span>
      ))}
      {more > 0 && ` +${more}`}
    </span>
  );
}
