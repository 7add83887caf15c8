# The system lists are checked by core, as in the TUI: a port out of 1-65535 is refused naming the
# option (today's CLI stored '99999|TCP|x'), a row with more fields than its form is refused instead
# of folding them into the note, hosting names in either language; nothing is written on refusal.
anzen system add PACS --category PACS --hosting オンプレミス --port-in "104||DICOM|変更可"
anzen system edit PACS --port-in '99999|TCP|x'
anzen system edit PACS --port-in 'a|b|c|d|e|f'
anzen system edit PACS --port-out '80,443|TCP|閲覧' --port-in 'abc'
anzen system edit PACS --port-in '443-80'
anzen system edit PACS --storage 'NAS||画像'
anzen system edit PACS --connection 'センター|VPN|保守|余分'
anzen system edit PACS --hosting basement
anzen system show PACS --json
anzen history --entity system
ANZEN_LANG=en
export ANZEN_LANG
anzen system edit PACS --port-in '99999|TCP|x'
anzen system edit PACS --port-in 'a|b|c|d|e|f'
anzen system edit PACS --control '|対策'
anzen system edit PACS --hosting クラウド --port-in '49152-65535|TCP|動的'
anzen system show PACS
