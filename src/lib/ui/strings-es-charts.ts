// The Spanish words inside charts, images and data files: the counterpart of strings-charts.ts, section
// by section (strings-es.ts spreads them into `es`, typed as UiStrings, so a missing key fails the build).
import type { UiStrings } from './strings';

/** "1 cargo", "3 cargos"; `plural` when adding "s" is not enough ("1 cambio de titular"). */
const count = (n: number, one: string, plural = `${one}s`) => `${n} ${n === 1 ? one : plural}`;

/** A date as it stands after a verb or preposition: "el 7 de junio de 2019", but "junio de 2019", "2019". */
export const theDate = (date: string) => (/^\d{1,2} /.test(date) ? `el ${date}` : date);

/** What a step that did not happen is called unless the chart says otherwise. */
const NEVER_IMPOSED = 'nunca se aplicó';

export const chartsEs: UiStrings['charts'] = {
  legend: 'Simbología',
  markedEvents: 'Eventos señalados',
  none: '—',
  source: (publishers: string) => `Fuente: ${publishers}`,
  publishers: {
    via: (publisher: string, via: string) => `${publisher} vía ${via}`,
    more: (names: string, n: number) => `${names} y ${n} más (véase la tabla)`,
  },
  socialCard: {
    chart: 'Gráfica',
    events: (n: number) => count(n, 'evento'),
  },
  keyFigures: {
    title: 'Cifras clave',
    caption: 'Las cifras que importan para la historia, cada una con el evento al que pertenece y su origen.',
    empty: 'Todavía no hay cifras marcadas como clave.',
    source: 'Fuente:',
    via: 'vía',
    head: ['Cifra', 'Qué mide', 'Fecha', 'Fuente'],
  },
  steps: {
    empty:
      'Ningún paso de este evento tiene todavía un valor, así que no hay nada que graficar; sus hitos están en la tabla.',
    caption: (title: string) => `${title}: todos los pasos`,
    head: { date: 'Fecha', step: 'Paso', value: 'Valor', happened: '¿Ocurrió?' },
    yes: 'Sí',
    no: 'No',
    noBecause: (why: string) => `No: ${why}`,
    notHappened: NEVER_IMPOSED,
    didNotHappen: 'no ocurrió',
    legend: {
      happened: 'Entró en vigor',
      notHappened: (words: string) => `Previsto, ${words}`,
      strong: 'Suspendido, bloqueado o concluido',
      other: 'Otro hito, según su rótulo',
    },
    figureCaption: (notHappened?: string) =>
      notHappened === undefined
        ? 'Los pasos, según lo previsto.'
        : `Los pasos, según lo previsto; los pasos huecos con línea discontinua ${notHappened === NEVER_IMPOSED ? 'nunca se aplicaron' : `: ${notHappened}`}.`,
    desc: (steps: number, first: string, firstDate: string, last: string, lastDate: string, notHappened: number) =>
      `Gráfica de escalones con ${count(steps, 'paso previsto', 'pasos previstos')}, de ${first} (${firstDate}) ` +
      `a ${last} (${lastDate}). ${notHappened} no ocurrieron. La tabla enumera todos los pasos.`,
  },
  period: {
    tracks: 'Temas',
    undated: 'También en este periodo, con fecha solo de mes (no aparecen en la gráfica):',
    caption: (title: string) => `${title}: los eventos y su número de día`,
    head: { date: 'Fecha', day: 'Día', event: 'Evento', track: 'Tema' },
    day: (n: number) => `día ${n}`,
    when: (dates: string, day?: number) => (day === undefined ? dates : `${dates} (día ${day})`),
    beforeDayOne: 'antes del día 1',
    title: (label: string, range: string) => `${label}: ${range}`,
    figureCaption: (range: string, start: string, first: boolean, lastDay: number, end: string) =>
      `Los eventos del periodo ${range}, día por día. El día 1 es ${first ? theDate(start) : `el día siguiente al ${start}`}; ` +
      `el día ${lastDay} es ${theDate(end)}.`,
    desc: (events: number, range: string, lastDay: number) =>
      `Gráfica día por día de ${count(events, 'evento')} del periodo ${range} (del día 1 al día ${lastDay}), ` +
      'marcados por tema. La tabla los enumera todos.',
  },
  posts: {
    caption: (title: string) => `${title}: cada titular, con fechas`,
    head: ['Titular', 'Cargo', 'Desde', 'Hasta', 'Fuente'],
    continues: 'continúa',
    acting: (name: string) => `${name} (interino)`,
    from: (date: string) => `desde ${theDate(date)}`,
    empty: 'No hay titular registrado en este periodo',
    legend: { holder: 'Titular', acting: 'Interino o provisional', change: 'Cambio de titular' },
    title: (range: string) => `Quién ocupó los cargos, ${range}`,
    figureCaption: (acting: boolean) =>
      `Una fila por cargo, una barra por titular. ${acting ? 'Las barras rayadas son titulares interinos o provisionales. ' : ''}` +
      'Una marca señala cada cambio.',
    desc: (posts: number, tenures: number, changes: number, range: string) =>
      `${count(posts, 'cargo')}, ${count(tenures, 'periodo en el cargo', 'periodos en el cargo')} y ` +
      `${count(changes, 'cambio')}, ${range}. La tabla enumera cada titular con sus fechas.`,
  },
  series: {
    release: { 'first-release': 'primera publicación', revised: 'revisado', final: 'definitivo' },
    derived: ', derivado',
    notAvailable: 'no disponible',
    legend: {
      line: (measure: string) => `${measure} (línea)`,
      firstRelease: (line: boolean) => `Rayado${line ? ', punto hueco' : ''}: según la primera publicación`,
      revised: 'Sólido: revisado o definitivo',
      derived: 'Contorno discontinuo: derivado (cálculo propio sobre cifras publicadas)',
    },
    caption: (title: string) => `${title}: el valor de cada mes, su estado de publicación y sus fuentes`,
    head: { month: 'Mes', sources: 'Fuentes', events: 'Eventos' },
    desc: (what: string, from: string, to: string, peak: [string, string], low: [string, string], hatched: boolean) =>
      `Barras mensuales de ${what}, de ${from} a ${to}. Máximo en ${peak[0]} (${peak[1]}), mínimo en ${low[0]} ` +
      `(${low[1]}). ${hatched ? 'Los valores de la primera publicación van rayados. ' : ''}Todos los valores están en la tabla.`,
  },
};

export const relationsEs: UiStrings['relations'] = {
  outgoing: {
    'led-to': 'Dio lugar a',
    'responds-to': 'Responde a',
    implements: 'Pone en práctica',
    suspends: 'Suspende',
    replaces: 'Sustituye a',
  },
  incoming: {
    'led-to': 'Derivó de',
    'responds-to': 'Motivó una respuesta',
    implements: 'Puesto en práctica por',
    suspends: 'Suspendido por',
    replaces: 'Sustituido por',
  },
};

export const milestonesEs: UiStrings['milestones'] = {
  announced: 'Anuncio',
  scheduled: 'Fecha prevista',
  signed: 'Firma',
  published: 'Publicación',
  effective: 'Entrada en vigor',
  suspended: 'Suspensión',
  blocked: 'Bloqueo',
  reinstated: 'Restablecimiento',
  ended: 'Fin',
};

export const wordsEs: UiStrings['words'] = {
  didNotHappen: ' (no ocurrió)',
  dateInferred: ' (fecha deducida)',
  about: (figure: string) => `alrededor de ${figure}`,
  onSources: (note: string) => `Sobre las fuentes: ${note}`,
};

export const csvEs: UiStrings['csv'] = {
  events: [
    'id',
    'fecha',
    'precision_fecha',
    'fin',
    'tema',
    'tema_nombre',
    'importancia',
    'titulo',
    'resumen',
    'actores',
    'cifras',
    'hitos',
    'relacionados',
    'fuentes',
    'notas',
  ],
  steps: ['evento_id', 'evento_titulo', 'fecha', 'paso', 'etiqueta', 'valor', 'unidad', 'no_ocurrio', 'fuentes'],
  figures: ['evento_id', 'evento_fecha', 'evento_titulo', 'valor', 'unidad', 'etiqueta', 'aproximada', 'fuentes'],
  posts: [
    'cargo_id',
    'cargo',
    'organizacion',
    'persona_id',
    'persona',
    'desde',
    'hasta',
    'interino',
    'nota',
    'fuentes',
  ],
  series: {
    month: 'mes',
    measure: (name: string) => [name, `${name}_publicacion`, `${name}_derivado`, `${name}_fuentes`],
    notes: 'notas',
  },
  via: (publisher: string) => ` vía ${publisher}`,
  readAt: (url: string) => ` (consultado en <${url}>)`,
};
