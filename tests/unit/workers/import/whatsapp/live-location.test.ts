import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';

/**
 * Regression: Android writes a live-location share as `Name: live location shared` (strings.xml
 * `email_live_location_message`), and the line stayed an ordinary message with no location flag,
 * unlike a `location: https://maps…` share. Each wording below is one starkdmi/whats_json
 * lib/src/patterns.dart lists (`liveLocation`). The whole first line must be the wording: a
 * person's sentence with the same words is the person's.
 */
const LIVE_LOCATION: readonly (readonly [string, string, string])[] = [
  ['en', 'live location shared', 'live location shared with the police?'],
  ['de', 'Live-Standort wird geteilt', 'Live-Standort wird geteilt, sobald ich losfahre'],
  ['es', 'ubicación en tiempo real compartida', 'ubicación en tiempo real compartida con mamá'],
  ['it', 'posizione attuale condivisa', 'posizione attuale condivisa con Marco'],
  ['fr', 'Localisation en direct partagée', 'Localisation en direct partagée avec toi'],
  ['pt', 'localização atual compartilhada', 'localização atual compartilhada com o Pedro'],
  ['pt', 'Está a partilhar a sua localização', 'Está a partilhar a sua localização com quem'],
  ['ru', 'Геоданные отправлены', 'Геоданные отправлены в полицию'],
  ['uk', 'геодані надіслано', 'геодані надіслано мамі'],
  ['cs', 'byla sdílena aktuální poloha', 'byla sdílena aktuální poloha s tátou'],
  ['nl', 'live locatie gedeeld', 'live locatie gedeeld met papa'],
  ['hi', 'लाइव स्थान साझा किया गया', 'लाइव स्थान साझा किया गया था कल'],
  ['id', 'Lokasi terkini dibagikan', 'Lokasi terkini dibagikan ke ibu'],
  ['ja', 'ライブロケーション共有', 'ライブロケーション共有してね'],
  ['th', 'ตำแหน่งปัจจุบันถูกแบ่งปัน', 'ตำแหน่งปัจจุบันถูกแบ่งปัน แล้วนะ'],
  ['vi', 'vị trí hiện thời được chia sẻ', 'vị trí hiện thời được chia sẻ với mẹ'],
  ['ar', 'تمت مشاركة الموقع المباشر', 'تمت مشاركة الموقع المباشر مع أمي'],
  ['tr', 'Mevcut konum paylaşıldı', 'Mevcut konum paylaşıldı mı'],
  ['zh', '共享实时位置', '共享实时位置给妈妈'],
  ['zh', '實時位置已分享', '實時位置已分享給媽媽'],
  ['ro', 'locație în timp real distribuită', 'locație în timp real distribuită cu mama'],
];

function anaWrites(first: string, ...more: string[]): string[] {
  return ['28/01/2023, 21:01 - Ana: hallo', `28/01/2023, 21:02 - Ana: ${first}`, ...more, '28/01/2023, 21:03 - Dana: ok'];
}

describe('Android live-location shares, in every table language (regression)', () => {
  it.each(LIVE_LOCATION)('%s: "%s" is a location share of its sender, its text kept', (_locale, wording) => {
    expect(recordOnLine(parseLines(anaWrites(wording)), 2)).toMatchObject({ kind: 'message', sender: 'Ana', text: wording, location: true });
  });

  it.each(LIVE_LOCATION)('%s: "%s" with a caption on the next line is still the share', (_locale, wording) => {
    expect(recordOnLine(parseLines(anaWrites(wording, 'on my way')), 2)).toMatchObject({ kind: 'message', text: `${wording}\non my way`, location: true });
  });

  it.each(LIVE_LOCATION)('%s: a person’s "%s…" sentence stays an ordinary message', (_locale, _wording, sentence) => {
    const record = recordOnLine(parseLines(anaWrites(sentence)), 2);
    expect(record).toMatchObject({ kind: 'message', sender: 'Ana', text: sentence });
    expect(record.location).toBeUndefined();
  });
});
