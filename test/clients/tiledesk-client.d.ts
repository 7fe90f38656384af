// @tiledesk/tiledesk-client ships no types; its test declares the part it drives.
declare module '@tiledesk/tiledesk-client';
