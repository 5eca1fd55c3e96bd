/**
 * OHIF 3's configuration for bench/webui-ohif (issue 22): the dist's default config (config/default.js of
 * @ohif/app 3.13.2) with its one data source pointed at the benchmark's Orthanc DICOMweb instead of OHIF's
 * public demo server, as OHIF's own Orthanc example config (config/local_orthanc.js) sets it. Everything
 * else (web workers, request pool sizes, prefetch) is OHIF's default. ViewerVsOhifBench serves this file in
 * place of dist/app-config.js, with ORTHANC_DICOMWEB replaced by the Orthanc it started.
 */
window.config = {
  name: 'consilium-bench',
  routerBasename: null,
  extensions: [],
  modes: [],
  customizationService: {},
  showStudyList: true,
  maxNumberOfWebWorkers: 3,
  showWarningMessageForCrossOrigin: false,
  showCPUFallbackMessage: false,
  showLoadingIndicator: true,
  experimentalStudyBrowserSort: false,
  strictZSpacingForVolumeViewport: true,
  groupEnabledModesFirst: true,
  allowMultiSelectExport: false,
  maxNumRequests: {
    interaction: 100,
    thumbnail: 5,
    prefetch: 25,
  },
  showErrorDetails: 'always',
  defaultDataSourceName: 'orthanc',
  dataSources: [
    {
      namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
      sourceName: 'orthanc',
      configuration: {
        friendlyName: 'Orthanc (benchmark)',
        name: 'orthanc',
        wadoUriRoot: 'ORTHANC_DICOMWEB',
        qidoRoot: 'ORTHANC_DICOMWEB',
        wadoRoot: 'ORTHANC_DICOMWEB',
        qidoSupportsIncludeField: false,
        supportsReject: false,
        imageRendering: 'wadors',
        thumbnailRendering: 'wadors',
        enableStudyLazyLoad: true,
        supportsFuzzyMatching: false,
        supportsWildcard: true,
        omitQuotationForMultipartRequest: true,
        bulkDataURI: { enabled: true },
      },
    },
  ],
};
