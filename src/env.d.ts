interface ImportMetaEnv {
  /** The site's root: the default language's base (astro.config.mjs; other languages live below it). */
  readonly SITE_ROOT_BASE: string;
}
