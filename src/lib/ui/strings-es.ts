// The engine's words in Spanish, for readers in Mexico, Central America and US Spanish-language
// newsrooms (es-MX): the counterpart of `en` in strings.ts, key by key. Typed as UiStrings, so a key
// left out fails the type check; a value left in English fails tests/unit/ui-strings.test.ts.
import type { DateWords } from '../dates';
import { dateWords } from '../i18n/intl';
import type { UiStrings } from './strings';
import { chartsEs, csvEs, milestonesEs, relationsEs, theDate, wordsEs } from './strings-es-charts';

const NUMBER_WORDS = ['', 'un', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez'];

/** "seis semanas", "diez días", "día", "17 días": a number of days as a reader would say it. */
export function spanInWordsEs(days: number): string {
  if (days % 7 === 0 && days / 7 <= 10 && days >= 14) return `${NUMBER_WORDS[days / 7]} semanas`;
  if (days === 1) return 'día';
  return `${days <= 10 ? NUMBER_WORDS[days] : days} días`;
}

/** "a, b y c"; "y" becomes "e" before an /i/ sound ("eventos e hitos"). */
export function listOfEs(items: string[]): string {
  if (items.length < 2) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${/^h?i(?![aeiouáéíóú])/i.test(last) ? 'e' : 'y'} ${last}`;
}

/** "del 1 de junio de 2019 al 7 de junio de 2019", or "de junio de 2019 a julio de 2019" for months and years. */
export function fromTo(from: string, to: string): string {
  const day = (d: string) => theDate(d) !== d;
  return `${day(from) ? 'del' : 'de'} ${from} ${day(to) ? 'al' : 'a'} ${to}`;
}

/** Mexican Spanish dates from Intl: "7 de junio de 2019", ticks "7 jun", "jun 2019". */
const datesEs: DateWords = dateWords('es-MX');

/** Las fuentes de los eventos y, si son más, las de todos los datos (con enlace a la página de fuentes). */
const fuentesEn = (events: number, total: number) =>
  total > events
    ? `${events} de los eventos; [${total} en total](sources), con las del resto de los datos`
    : `${events} en total`;

export const es: UiStrings = {
  lang: 'es',
  locale: 'es-MX',
  dates: datesEs,
  skipLink: 'Ir al contenido',
  nav: {
    label: 'Sitio',
    chronology: 'Cronología',
    table: 'Tabla',
    glossary: 'Glosario',
    sources: 'Fuentes',
  },
  footer: {
    sources: 'Cada evento cita sus fuentes.',
    data: 'Datos:',
    json: 'JSON',
    csv: 'CSV',
    seriesCsv: (name: string) => `${name} (CSV)`,
    schema: 'Esquema JSON',
    embeds: 'Cada gráfica se puede insertar en otro sitio: [insertar](embed).',
    published: 'Publicado',
    updated: 'actualizado',
  },
  home: {
    keyPoints: 'Lo que hay que saber',
    published: 'Publicado',
    updated: 'Actualizado',
    chronologyHeading: 'Todos los eventos, con sus fuentes',
    chronology: (events: number, from: string, to: string, sources: number, total = sources) =>
      `Las gráficas de arriba muestran ${events} eventos, ${fromTo(from, to)}, cada uno con sus fuentes ` +
      `(${fuentesEn(sources, total)}). Se pueden leer como [una cronología](chronology), mes por mes, o como ` +
      '[una tabla](table) que se puede ordenar y filtrar; cada evento tiene su propia página.',
    dataHeading: 'Los datos',
    dataIntro:
      'Todo lo que aparece en esta página proviene de un solo conjunto de datos, publicado para su reutilización:',
    json: (has: { people: boolean; posts: boolean }, series?: string) =>
      listOfEs(['eventos', 'temas', ...(has.people ? ['personas'] : []), ...(has.posts ? ['cargos'] : [])]) +
      (series ? `, y la ${series}` : ''),
    csv: 'una fila por evento, con sus fuentes',
    schema: 'el esquema JSON de timeline.json',
  },
  downloads: {
    seriesName: 'serie de datos',
  },
  notFound: {
    title: 'Página no encontrada',
    description: 'No hay ninguna página en esta dirección. La cronología completa y sus datos están en la portada.',
    lede: 'No hay ninguna página en esta dirección. Puede que se haya escrito mal o que el enlace que lo trajo aquí sea antiguo.',
    intro: 'Todo en este explicador parte de la portada:',
    home: '[La portada](home): la historia en breve.',
    chronology: '[La cronología](chronology): todos los eventos por fecha, cada uno con sus fuentes.',
    data: (series?: string) =>
      `[Los datos](data): los eventos${series ? ` y la ${series}` : ''} en [JSON](json) y [CSV](csv), de libre reutilización.`,
  },
  chronology: {
    title: 'Cronología',
    listName: (site: string) => `${site}: cronología`,
    description: (events: number, from: string, to: string) =>
      `Los ${events} eventos, ${fromTo(from, to)}, cada uno con sus fuentes.`,
    lede: (events: number, from: string, to: string, sources: number, total = sources) =>
      `${events} eventos, ${fromTo(from, to)}, cada uno con sus fuentes (${fuentesEn(sources, total)}). ` +
      'Los mismos eventos están en [una tabla](table) que se puede ordenar y filtrar, y cada uno tiene ' +
      '[su propia página](event).',
    tracks: 'Temas',
    yearOnly: (year: number) => `${year} (mes desconocido)`,
  },
  table: {
    title: 'Todos los eventos en una tabla',
    description: 'Todos los eventos de la cronología en una sola tabla, con filtros.',
    heading: 'Todos los eventos',
    filters: 'Filtrar los eventos',
    track: 'Tema',
    allTracks: 'Todos los temas',
    actor: 'Persona o institución',
    anyone: 'Cualquiera',
    apply: 'Aplicar',
    clear: 'Quitar filtros',
    count: (n: number) => `${n} eventos`,
    caption: 'Eventos de la cronología, del más antiguo al más reciente',
    captionNewest: 'Eventos de la cronología, del más reciente al más antiguo',
    date: 'Fecha',
    oldestFirst: '(primero los más antiguos)',
    newestFirst: '(primero los más recientes)',
    shown: 'Se muestran {shown} de {total} eventos',
    event: 'Evento',
    who: 'Quién',
    sources: 'Fuentes',
  },
  sources: {
    title: 'Fuentes y método',
    description: (n: number) => `Cómo se reunieron los datos, y las ${n} fuentes por editor.`,
    corrections: 'Correcciones y actualizaciones',
    noCorrections: 'Ninguna hasta ahora.',
    all: (n: number) => `Todas las fuentes (${n}), por editor`,
    credited: 'Cada fuente se atribuye a quien la publicó originalmente.',
    kindsCaption: 'Fuentes por tipo de editor',
    kind: 'Tipo',
    publishers: 'Editores',
    sources: 'Fuentes',
    citedFor: 'Citada para:',
    kinds: {
      primary: {
        label: 'Documentos primarios',
        one: 'fuente primaria',
        description: 'emitidos por un gobierno, tribunal, dependencia u organización',
      },
      wire: {
        label: 'Agencias de noticias',
        one: 'agencia de noticias',
        description: 'agencias informativas como AP, Reuters y AFP',
      },
      newspaper: {
        label: 'Periódicos y sitios de noticias',
        one: 'periódico o sitio de noticias',
        description: 'periódicos, revistas y sitios web de noticias',
      },
      broadcaster: {
        label: 'Radio y televisión',
        one: 'radiodifusora o televisora',
        description: 'redacciones de televisión y radio',
      },
      other: {
        label: 'Otros',
        one: 'otro: blog, sitio de activismo, despacho de abogados, agregador o espejo',
        description: 'blogs, sitios de activismo, páginas de despachos de abogados, agregadores y espejos',
      },
    },
  },
  glossary: {
    title: 'Glosario',
    description: 'Los términos que se usan en la historia, explicados.',
    empty: 'Todavía no hay términos.',
    also: 'también:',
    sources: 'Fuentes',
  },
  event: {
    breadcrumb: 'Ruta de navegación',
    home: 'Portada',
    chronology: 'Cronología',
    inferred: '(fecha deducida del día de la semana que dan las fuentes)',
    contextTitle: 'Su lugar en la cronología',
    contextCaption: (days: number) => {
      const span = spanInWordsEs(days);
      const around =
        days === 1
          ? 'del día anterior y el posterior'
          : `de ${span.endsWith('semanas') ? 'las' : 'los'} ${span} antes y después`;
      return `Los eventos ${around}; este, resaltado.`;
    },
    contextCaptionNearest: (n: number) => `Los ${n} eventos más cercanos en el tiempo a este, que aparece resaltado.`,
    contextNarrowNote: (before: number) =>
      `En una pantalla estrecha, el gráfico empieza ${before === 0 ? 'en este evento' : `${before === 1 ? 'un evento' : before === 2 ? 'dos eventos' : `${before} eventos`} antes de este`}; para las semanas anteriores, aleje el zoom o consulte la cronología.`,
    contextSource: 'Las fuentes que se enumeran en la página de cada evento',
    steps: 'Pasos',
    figures: 'Cifras',
    who: 'Quién',
    related: 'Eventos relacionados',
    notes: 'Notas sobre las fuentes',
    sources: 'Fuentes',
    updates: 'Actualizaciones',
    prevNext: 'Cronología',
    previousEvent: 'Evento anterior',
    nextEvent: 'Evento siguiente',
  },
  timeline: {
    label: (title: string, events: number) =>
      `${title}: una línea de tiempo de ${events} eventos. Use las flechas para pasar de un evento a otro, Enter ` +
      'para ver los detalles, y más y menos para acercar o alejar. Los mismos eventos están en texto en la página ' +
      'de la cronología.',
    zoom: 'Zoom',
    zoomIn: 'Acercar',
    zoomInTitle: 'Acercar (+)',
    zoomOut: 'Alejar',
    zoomOutTitle: 'Alejar (−)',
    reset: 'Restablecer',
    resetTitle: 'Mostrar todo el periodo (0)',
    tracks: 'Temas',
    showHide: 'Mostrar u ocultar temas',
    details: 'Detalles del evento',
    asList: (events: number) => `Los ${events} eventos como lista de texto`,
    asTable: 'como tabla',
  },
  timelineClient: {
    close: 'Cerrar',
    closeLabel: 'Cerrar los detalles',
    detailsLabel: 'Detalles: {title}',
    openPage: 'Abrir la página del evento',
    detailsFailed: 'No se pudieron cargar los detalles. {link}.',
    cluster: '{count} eventos: acerque para verlos',
    hintMouse: 'Arrastre para desplazarse · Ctrl+rueda o pellizque para acercar',
    hintTouch: 'Arrastre para desplazarse · pellizque para acercar',
    showing: 'Del {from} al {to}: se muestran {events} eventos, {groups} grupos.',
    shown: 'Se muestran {events} eventos.',
    layout: {
      cluster: '{date}, {track}: {count} eventos agrupados; acerque para verlos',
      mixed: '+{count} eventos',
      mixedTrack: 'eventos',
      didNotHappen: ' (no ocurrió)',
      milestones: milestonesEs,
      dates: datesEs,
    },
  },
  list: {
    inferredTitle: 'Deducida del día de la semana que dan las fuentes',
    inferred: '(fecha deducida)',
    steps: 'Pasos',
    figures: 'Cifras',
    note: 'Nota:',
    sources: 'Fuentes:',
  },
  details: {
    steps: 'Pasos',
    figures: 'Cifras',
    who: 'Quién:',
    related: 'Eventos relacionados',
    notes: 'Notas',
    sources: 'Fuentes',
    via: 'vía',
    everything: 'Todo sobre este evento',
  },
  copyWeRead: 'copia que consultamos',
  embed: {
    summary: 'Insertar',
    galleryLabel: 'Código para insertar y descargas',
    code: 'Código para insertar',
    hint:
      'Péguelo en el HTML de su artículo. La gráfica toma el ancho de su columna y ajusta su propia altura. ' +
      'En WordPress, pegue en su lugar la dirección de la vista previa en una línea aparte.',
    copy: 'Copiar el código',
    copied: 'Copiado',
    selected: 'Seleccionado: presione Ctrl+C (⌘C en una Mac) para copiar',
    links: 'Vista previa y descargas',
    preview: 'Vista previa',
    previewOf: 'de la gráfica insertada:',
    pngDark: 'PNG (oscuro)',
    csv: 'Datos (CSV)',
  },
  figure: {
    showTable: 'Ver los datos en una tabla',
    tableLabel: (title: string) => `${title}: los datos`,
    source: 'Fuente:',
  },
  charts: chartsEs,
  relations: relationsEs,
  milestones: milestonesEs,
  words: wordsEs,
  csv: csvEs,
  storyRail: {
    label: 'Dónde se ubica esta sección en la línea de tiempo',
    previous: 'Sección anterior',
    next: 'Sección siguiente',
  },
  embedGallery: {
    title: 'Insertar las gráficas',
    description: (site: string) =>
      `Lleve las gráficas de “${site}” a su propio artículo: código para insertar, temas, datos e imágenes.`,
    lede:
      'Cada gráfica de este explicador puede ir en su propio artículo. Copie abajo su código para insertar y ' +
      'péguelo en el HTML de su página. La gráfica conserva sus fuentes y enlaza a la historia completa.',
    how: 'Cómo funciona',
    howItems: [
      'El código es un `<iframe>` y un pequeño script (`embed.js`, {scriptKb} KB comprimido, sin dependencias). ' +
        'El iframe funciona por sí solo, con la altura aproximada de la gráfica; el script le da exactamente la ' +
        'altura de la gráfica, a cualquier ancho. Varias gráficas en una misma página comparten un solo script.',
      '**WordPress:** pegue la dirección de la gráfica (su enlace de vista previa, más abajo; por ejemplo ' +
        '`{exampleUrl}`) en una línea aparte. WordPress encuentra la descripción oEmbed de la gráfica y la muestra ' +
        'a lo ancho de la columna, con la altura de la gráfica — hasta 1000 px, el límite de WordPress; una gráfica ' +
        'más alta se desplaza dentro de su marco. O ponga el código en un bloque *HTML personalizado* (requiere el ' +
        'permiso `unfiltered_html` de WordPress: administradores y editores de un sitio individual): así ' +
        '`embed.js` le da su tamaño, sin límite.',
      '**Páginas oscuras:** agregue `?theme=dark` a la dirección del iframe (`?theme=light` fuerza el tema claro; ' +
        'sin él, la gráfica sigue la configuración del lector). Una página que cambia de tema puede avisar a la ' +
        'gráfica con {postMessage}.',
      '**Otros ajustadores de altura:** las páginas que ya usan Pym.js, el script de ajuste de Datawrapper o ' +
        '`<amp-iframe resizable>` de AMP pueden prescindir de nuestro script: la gráfica también informa su altura ' +
        'en esos formatos. Con Pym.js, dé al padre la opción `xdomain`: {pym}. Sin ella, Pym.js acepta una altura ' +
        'de cualquier marco de su página — el de un anuncio podría aplastar o estirar la gráfica. Los scripts ' +
        'antiguos de Datawrapper ajustan el primer iframe cuya dirección contiene el nombre del mensaje; la gráfica ' +
        'se identifica con su dirección completa, y el código copiado de esta página lleva un identificador propio ' +
        '(`?frame=…`).',
      '**Content-Security-Policy:** permita este sitio en `script-src` y `frame-src`; no se necesita nada en línea. ' +
        'Por ejemplo, una política estricta para un artículo con las gráficas es {csp}. Para fijar el script a esta ' +
        'versión exacta, use {pinned} — y actualice el hash si actualizamos el script (mientras tanto, las gráficas ' +
        'conservan su primera altura y se desplazan).',
      '**Marcos aislados (sandbox):** las gráficas funcionan con `sandbox="allow-scripts"`. Agregue ' +
        '`allow-popups allow-popups-to-escape-sandbox` para que sus enlaces (la historia completa, las fuentes) ' +
        'puedan abrirse.',
      '**oEmbed:** cada gráfica tiene una descripción oEmbed en {oembed}, enlazada desde su página para insertar.',
      '**Privacidad:** las gráficas no instalan cookies, no cargan nada de otros sitios y no usan analítica.',
    ],
    none: 'Todavía no hay gráficas para insertar.',
  },
  embedPage: {
    heading: (site: string) => `Gráfica de “${site}”`,
    description: (chart: string, site: string, publisher: string) =>
      `${chart}: una gráfica de “${site}” (${publisher}).`,
    source: 'Fuente:',
    fullStory: 'Historia completa',
    newTab: '(se abre en una pestaña nueva)',
  },
};
