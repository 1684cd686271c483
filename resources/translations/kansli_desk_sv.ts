<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="sv">
<context>
    <name>CallForm</name>
    <message>
        <source>Caller</source>
        <translation>Uppringare</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Ämnen</translation>
    </message>
    <message>
        <source>Space ticks or unticks the topic under the cursor.</source>
        <translation>Mellanslag kryssar i eller ur ämnet under markören.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>What the call was about, in a few words.</source>
        <translation>Vad samtalet gällde, med några ord.</translation>
    </message>
    <message>
        <source>No medical details: write what was asked and answered, not about health.</source>
        <translation>Inga medicinska uppgifter: skriv vad som frågades och svarades, inget om hälsa.</translation>
    </message>
    <message>
        <source>Identity number (optional)</source>
        <translation>Personnummer (valfritt)</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN, only if needed</source>
        <translation>ÅÅÅÅMMDD-NNNN, bara om det behövs</translation>
    </message>
    <message>
        <source>Call &amp;back</source>
        <translation>Ring tillbak&amp;a</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Ring tillbaka</translation>
    </message>
    <message>
        <source>Phone number to call back</source>
        <translation>Telefonnummer att ringa tillbaka till</translation>
    </message>
    <message>
        <source>Call back at the latest</source>
        <translation>Ring tillbaka senast</translation>
    </message>
    <message>
        <source>Linked form (registry number)</source>
        <translation>Kopplad blankett (diarienummer)</translation>
    </message>
    <message>
        <source>KD-2026-00042 (optional)</source>
        <translation>KD-2026-00042 (valfritt)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Längd</translation>
    </message>
    <message>
        <source>Follows the timer; correct it if needed.</source>
        <translation>Följer tidtagningen; rätta vid behov.</translation>
    </message>
    <message>
        <source>Changes to this call</source>
        <translation>Ändringar av samtalet</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Spara (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the call</source>
        <translation>Spara samtalet</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Cancel the call</source>
        <translation>Avbryt samtalet</translation>
    </message>
    <message>
        <source>&amp;Caller:</source>
        <translation>&amp;Uppringare:</translation>
    </message>
    <message>
        <source>&amp;Topics:</source>
        <translation>Ä&amp;mnen:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>U&amp;tfall:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>A&amp;nteckningar:</translation>
    </message>
    <message>
        <source>&amp;Identity no.:</source>
        <translation>&amp;Personnummer:</translation>
    </message>
    <message>
        <source>Callback:</source>
        <translation>Återringning:</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Kopplad blankett:</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>Län&amp;gd:</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (utgått)</translation>
    </message>
    <message>
        <source>&lt;b&gt;New call&lt;/b&gt; from {time}</source>
        <translation>&lt;b&gt;Nytt samtal&lt;/b&gt; från {time}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unsaved call&lt;/b&gt; from {time} (restored)</source>
        <translation>&lt;b&gt;Osparat samtal&lt;/b&gt; från {time} (återställt)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Call&lt;/b&gt; {time}, {advisor}</source>
        <translation>&lt;b&gt;Samtal&lt;/b&gt; {time}, {advisor}</translation>
    </message>
    <message>
        <source>{time} {user}: logged the call</source>
        <translation>{time} {user}: loggade samtalet</translation>
    </message>
    <message>
        <source>caller</source>
        <translation>uppringare</translation>
    </message>
    <message>
        <source>topics</source>
        <translation>ämnen</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>utfall</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>anteckningar</translation>
    </message>
    <message>
        <source>identity number</source>
        <translation>personnummer</translation>
    </message>
    <message>
        <source>callback phone</source>
        <translation>telefon för återringning</translation>
    </message>
    <message>
        <source>callback due</source>
        <translation>återringning senast</translation>
    </message>
    <message>
        <source>callback done</source>
        <translation>återringning klar</translation>
    </message>
    <message>
        <source>linked form</source>
        <translation>kopplad blankett</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>längd</translation>
    </message>
    <message>
        <source>start time</source>
        <translation>starttid</translation>
    </message>
    <message>
        <source>{time} {user} changed {field}: “{old}” → “{new}”</source>
        <translation>{time} {user} ändrade {field}: ”{old}” → ”{new}”</translation>
    </message>
    <message>
        <source>The draft could not be saved ({error}); save the call soon.</source>
        <translation>Utkastet kunde inte sparas ({error}); spara samtalet snart.</translation>
    </message>
    <message>
        <source>Valid; shown masked.</source>
        <translation>Giltigt; visas maskerat.</translation>
    </message>
    <message>
        <source>Ongoing {time}</source>
        <translation>Pågår {time}</translation>
    </message>
    <message>
        <source>Throw away this call? What you typed is not saved.</source>
        <translation>Kasta samtalet? Det du har skrivit sparas inte.</translation>
    </message>
</context>
<context>
    <name>CallLogPanel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Längd</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Rådgivare</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Uppringare</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Ämnen</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>&amp;New call (Ctrl+N)</source>
        <translation>N&amp;ytt samtal (Ctrl+N)</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>Nytt samtal</translation>
    </message>
    <message>
        <source>Search the notes</source>
        <translation>Sök i anteckningarna</translation>
    </message>
    <message>
        <source>Search the notes…</source>
        <translation>Sök i anteckningarna…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Alla datum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Senaste 7 dagarna</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Senaste 30 dagarna</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Senaste 365 dagarna</translation>
    </message>
    <message>
        <source>Chosen dates…</source>
        <translation>Valda datum…</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Från datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Till datum</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Alla ämnen</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Alla utfall</translation>
    </message>
    <message>
        <source>All advisors</source>
        <translation>Alla rådgivare</translation>
    </message>
    <message>
        <source>Open &amp;callbacks only</source>
        <translation>Endast &amp;öppna återringningar</translation>
    </message>
    <message>
        <source>Open callbacks only</source>
        <translation>Endast öppna återringningar</translation>
    </message>
    <message>
        <source>Callback due</source>
        <translation>Återringning senast</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Call list</source>
        <translation>Samtalslista</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Senast</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Callback queue</source>
        <translation>Återringningskö</translation>
    </message>
    <message>
        <source>Mark &amp;done (Ctrl+D)</source>
        <translation>&amp;Markera klar (Ctrl+D)</translation>
    </message>
    <message>
        <source>Mark the callback done</source>
        <translation>Markera återringningen som klar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Callbacks&lt;/b&gt;, soonest first</source>
        <translation>&lt;b&gt;Återringningar&lt;/b&gt;, närmast först</translation>
    </message>
    <message>
        <source>{due} (done)</source>
        <translation>{due} (klar)</translation>
    </message>
    <message>
        <source>Loading calls…</source>
        <translation>Läser in samtal…</translation>
    </message>
    <message>
        <source>No calls yet.</source>
        <translation>Inga samtal ännu.</translation>
    </message>
    <message>
        <source>No calls match.</source>
        <translation>Inga samtal matchar.</translation>
    </message>
    <message>
        <source>{count} calls shown; scroll down for more.</source>
        <translation>{count} samtal visas; rulla nedåt för fler.</translation>
    </message>
    <message>
        <source>All {count} calls shown.</source>
        <translation>Alla {count} samtal visas.</translation>
    </message>
    <message>
        <source>No open callbacks.</source>
        <translation>Inga öppna återringningar.</translation>
    </message>
    <message>
        <source>{count} open.</source>
        <translation>{count} öppna.</translation>
    </message>
    <message>
        <source>Unsaved call</source>
        <translation>Osparat samtal</translation>
    </message>
    <message>
        <source>A call from {time} was not saved when Kansli Desk last stopped. Continue logging it?</source>
        <translation>Ett samtal från {time} sparades inte när Kansli Desk stängdes senast. Vill du fortsätta logga det?</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Interrupted; nothing more was written.</source>
        <translation>Avbrutet; inget mer skrevs.</translation>
    </message>
    <message>
        <source>An unexpected error stopped the command ({kind}). The details are in {log}.</source>
        <translation>Ett oväntat fel stoppade kommandot ({kind}). Detaljerna finns i {log}.</translation>
    </message>
    <message>
        <source>Password for {where}: </source>
        <translation>Lösenord för {where}: </translation>
    </message>
    <message>
        <source>The database {where} is up to date (schema {revision}).</source>
        <translation>Databasen {where} är aktuell (schema {revision}).</translation>
    </message>
    <message>
        <source>Created the database {where} (schema {revision}).</source>
        <translation>Skapade databasen {where} (schema {revision}).</translation>
    </message>
    <message>
        <source>Upgraded the database {where} from schema {old} to {revision}.</source>
        <translation>Uppgraderade databasen {where} från schema {old} till {revision}.</translation>
    </message>
    <message>
        <source>Wrote {calls} calls and {forms} forms to {where} in {seconds} s.</source>
        <translation>Skrev {calls} samtal och {forms} blanketter till {where} på {seconds} s.</translation>
    </message>
    <message>
        <source>Added the topic “{name}” (code {code}).</source>
        <translation>Lade till ämnet ”{name}” (kod {code}).</translation>
    </message>
    <message>
        <source>Retired the topic “{name}”; calls that have it keep it.</source>
        <translation>Ämnet ”{name}” har avvecklats; samtal som har det behåller det.</translation>
    </message>
    <message>
        <source> (retired)</source>
        <translation> (utgått)</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to a shared database</source>
        <translation>Anslut till en delad databas</translation>
    </message>
    <message>
        <source>Connect to the team's shared PostgreSQL database. The password is never written to the settings; tick the box to keep it in the system's keyring.</source>
        <translation>Anslut till teamets delade PostgreSQL-databas. Lösenordet skrivs aldrig till inställningarna; kryssa i rutan för att spara det i systemets nyckelring.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Databas</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the keyring</source>
        <translation>&amp;Kom ihåg lösenordet i nyckelringen</translation>
    </message>
    <message>
        <source>Remember the password</source>
        <translation>Kom ihåg lösenordet</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Testa anslutningen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testa anslutningen</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Databas:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Användare:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>A&amp;nslut</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>Ansluter till {server}…</translation>
    </message>
    <message>
        <source>The connection works. The database is empty; Kansli Desk prepares it when you connect.</source>
        <translation>Anslutningen fungerar. Databasen är tom; Kansli Desk förbereder den när du ansluter.</translation>
    </message>
    <message>
        <source>The connection works. The database is a Kansli Desk database (schema {rev}).</source>
        <translation>Anslutningen fungerar. Databasen är en Kansli Desk-databas (schema {rev}).</translation>
    </message>
    <message>
        <source>The connection works. The database is upgraded from schema {old} to {rev} when you connect.</source>
        <translation>Anslutningen fungerar. Databasen uppgraderas från schema {old} till {rev} när du ansluter.</translation>
    </message>
    <message>
        <source>The connection works, but the database belongs to a newer version of Kansli Desk (schema {old}). Update the program first.</source>
        <translation>Anslutningen fungerar, men databasen hör till en nyare version av Kansli Desk (schema {old}). Uppdatera programmet först.</translation>
    </message>
    <message>
        <source>The connection works, but the database holds another program's tables. Choose an empty database.</source>
        <translation>Anslutningen fungerar, men databasen innehåller ett annat programs tabeller. Välj en tom databas.</translation>
    </message>
</context>
<context>
    <name>Enums</name>
    <message>
        <source>Advisor</source>
        <translation>Rådgivare</translation>
    </message>
    <message>
        <source>Registry clerk</source>
        <translation>Registrator</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Chef</translation>
    </message>
    <message>
        <source>Citizen/patient</source>
        <translation>Invånare/patient</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>Proxy/legal representative</source>
        <translation>Ombud/legal ställföreträdare</translation>
    </message>
    <message>
        <source>Health-care staff</source>
        <translation>Vårdpersonal</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annan</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvarat</translation>
    </message>
    <message>
        <source>Referred to care unit</source>
        <translation>Hänvisat till vårdenhet</translation>
    </message>
    <message>
        <source>Referred to Supportcenter Vårdsystem</source>
        <translation>Hänvisat till Supportcenter Vårdsystem</translation>
    </message>
    <message>
        <source>Form sent or case registered</source>
        <translation>Blankett skickad eller ärende registrerat</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Återuppringning</translation>
    </message>
    <message>
        <source>Sealing and/or locking</source>
        <translation>Försegling och/eller låsning</translation>
    </message>
    <message>
        <source>Restoring direct access</source>
        <translation>Återställande av direktåtkomst</translation>
    </message>
    <message>
        <source>Removing a guardian's direct access</source>
        <translation>Borttagande av direktåtkomst för vårdnadshavare</translation>
    </message>
    <message>
        <source>Access to a minor's record (13–15 years)</source>
        <translation>Tillgång till minderårigs journal (13–15 år)</translation>
    </message>
    <message>
        <source>The individual's own wish</source>
        <translation>Enskilds önskemål</translation>
    </message>
    <message>
        <source>Request of health-care staff</source>
        <translation>På begäran av hälso- och sjukvårdspersonal</translation>
    </message>
    <message>
        <source>Seal Journalen</source>
        <translation>Försegla Journalen</translation>
    </message>
    <message>
        <source>Lock the 1177 login</source>
        <translation>Låsa inloggningen till 1177</translation>
    </message>
    <message>
        <source>Unseal Journalen</source>
        <translation>Häva förseglingen av Journalen</translation>
    </message>
    <message>
        <source>Unlock the 1177 login</source>
        <translation>Låsa upp inloggningen till 1177</translation>
    </message>
    <message>
        <source>Remove guardian's direct access</source>
        <translation>Ta bort vårdnadshavares direktåtkomst</translation>
    </message>
    <message>
        <source>Give access to the minor's record</source>
        <translation>Ge tillgång till minderårigs journal</translation>
    </message>
    <message>
        <source>Remove access to the minor's record</source>
        <translation>Ta bort tillgång till minderårigs journal</translation>
    </message>
    <message>
        <source>Whole account</source>
        <translation>Hela kontot</translation>
    </message>
    <message>
        <source>Care unit</source>
        <translation>Vårdenhet</translation>
    </message>
    <message>
        <source>Care provider</source>
        <translation>Vårdgivare</translation>
    </message>
    <message>
        <source>Time period</source>
        <translation>Tidsperiod</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <source>Completion requested</source>
        <translation>Komplettering begärd</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Vidarebefordrad</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Utförd</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bekräftad</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Makulerad</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvisad</translation>
    </message>
    <message>
        <source>Person concerned</source>
        <translation>Berörd person</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Personal identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Coordination number</source>
        <translation>Samordningsnummer</translation>
    </message>
    <message>
        <source>Reserve number</source>
        <translation>Reservnummer</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Ändrad</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Borttagen</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status ändrad</translation>
    </message>
    <message>
        <source>Viewed unmasked identity number</source>
        <translation>Visade omaskerat personnummer</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importerad</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exporterad</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Utskriven</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>Gallrad</translation>
    </message>
    <message>
        <source>Opened the program</source>
        <translation>Öppnade programmet</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Write the identity number as YYYYMMDD-NNNN (or YYMMDD-NNNN).</source>
        <translation>Skriv numret som ÅÅÅÅMMDD-NNNN (eller ÅÅMMDD-NNNN).</translation>
    </message>
    <message>
        <source>This is an interim number (a letter in the last four characters), not a personal identity number. Use the person's personnummer, samordningsnummer or reservnummer.</source>
        <translation>Det här är ett interimsnummer (en bokstav bland de fyra sista tecknen), inte ett personnummer. Använd personens personnummer, samordningsnummer eller reservnummer.</translation>
    </message>
    <message>
        <source>The identity number does not contain a valid date.</source>
        <translation>Numret innehåller inget giltigt datum.</translation>
    </message>
    <message>
        <source>The identity number gives a birth date in the future.</source>
        <translation>Numret ger ett födelsedatum i framtiden.</translation>
    </message>
    <message>
        <source>The identity number has the serial 000, which is never issued.</source>
        <translation>Numret har födelsenumret 000, som aldrig delas ut.</translation>
    </message>
    <message>
        <source>The check digit (the last digit) is wrong: check the number for a typing error.</source>
        <translation>Kontrollsiffran (sista siffran) stämmer inte: kontrollera numret så att det inte är felskrivet.</translation>
    </message>
    <message>
        <source>No screen was found (neither DISPLAY nor WAYLAND_DISPLAY is set). Start Kansli Desk from a desktop session.</source>
        <translation>Ingen skärm hittades (varken DISPLAY eller WAYLAND_DISPLAY är satt). Starta Kansli Desk från en skrivbordssession.</translation>
    </message>
    <message>
        <source>The database address is not valid. Use sqlite:///FILE or postgresql+psycopg://user@server/database.</source>
        <translation>Databasadressen är inte giltig. Använd sqlite:///FIL eller postgresql+psycopg://användare@server/databas.</translation>
    </message>
    <message>
        <source>Unknown database type “{scheme}”. Kansli Desk works with sqlite:///FILE or postgresql+psycopg://user@server/database.</source>
        <translation>Okänd databastyp ”{scheme}”. Kansli Desk fungerar med sqlite:///FIL eller postgresql+psycopg://användare@server/databas.</translation>
    </message>
    <message>
        <source>The PostgreSQL address must name a database.</source>
        <translation>PostgreSQL-adressen måste ange en databas.</translation>
    </message>
    <message>
        <source>The database {where} was made by a newer version of Kansli Desk (schema {revision}). Update the program before using this database; nothing was changed.</source>
        <translation>Databasen {where} är skapad av en nyare version av Kansli Desk (schema {revision}). Uppdatera programmet innan du använder databasen; ingenting har ändrats.</translation>
    </message>
    <message>
        <source>The database {where} holds tables of another program, not Kansli Desk. Choose an empty database or a Kansli Desk database; nothing was changed.</source>
        <translation>Databasen {where} innehåller tabeller från ett annat program, inte Kansli Desk. Välj en tom databas eller en Kansli Desk-databas; ingenting har ändrats.</translation>
    </message>
    <message>
        <source>The database {where} needs an upgrade first: run “kansli-desk db upgrade”.</source>
        <translation>Databasen {where} behöver först uppgraderas: kör ”kansli-desk db upgrade”.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} är en mapp, inte en databasfil.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Mappen {folder} finns inte.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be written to (it or its folder is read-only). Check the file's permissions or choose another database.</source>
        <translation>Det går inte att skriva i databasfilen {path} (filen eller mappen är skrivskyddad). Kontrollera behörigheterna eller välj en annan databas.</translation>
    </message>
    <message>
        <source>The file {path} is damaged or is not a Kansli Desk database; nothing was changed.</source>
        <translation>Filen {path} är skadad eller är ingen Kansli Desk-databas; ingenting har ändrats.</translation>
    </message>
    <message>
        <source>The database file {path} is busy in another program. Try again in a moment.</source>
        <translation>Databasfilen {path} används av ett annat program. Försök igen om en stund.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be opened ({detail}).</source>
        <translation>Databasfilen {path} kan inte öppnas ({detail}).</translation>
    </message>
    <message>
        <source>Wrong password for {user} on {server}.</source>
        <translation>Fel lösenord för {user} på {server}.</translation>
    </message>
    <message>
        <source>The server {server} asks for a password for {user}.</source>
        <translation>Servern {server} begär ett lösenord för {user}.</translation>
    </message>
    <message>
        <source>The database “{name}” does not exist on {server}.</source>
        <translation>Databasen ”{name}” finns inte på {server}.</translation>
    </message>
    <message>
        <source>The user “{user}” does not exist on {server}.</source>
        <translation>Användaren ”{user}” finns inte på {server}.</translation>
    </message>
    <message>
        <source>The user “{user}” may not use the database {where} this way.</source>
        <translation>Användaren ”{user}” har inte behörighet att använda databasen {where} på det här sättet.</translation>
    </message>
    <message>
        <source>Cannot reach the database server {server}. Check the address and the network, and that the server is running.</source>
        <translation>Det går inte att nå databasservern {server}. Kontrollera adressen och nätverket, och att servern är igång.</translation>
    </message>
    <message>
        <source>The database {where} cannot be used ({detail}).</source>
        <translation>Databasen {where} kan inte användas ({detail}).</translation>
    </message>
    <message>
        <source>Fill in the server, the database and the user.</source>
        <translation>Fyll i server, databas och användare.</translation>
    </message>
    <message>
        <source>Article {file}: the file is not UTF-8 text.</source>
        <translation>Artikeln {file}: filen är inte UTF-8-text.</translation>
    </message>
    <message>
        <source>Article {file}: the header between two lines of “---” is missing.</source>
        <translation>Artikeln {file}: huvudet mellan två rader ”---” saknas.</translation>
    </message>
    <message>
        <source>Article {file}, line {line}: expected “key: value” with a known key.</source>
        <translation>Artikeln {file}, rad {line}: förväntade ”nyckel: värde” med en känd nyckel.</translation>
    </message>
    <message>
        <source>Article {file}: the header lacks {keys}.</source>
        <translation>Artikeln {file}: huvudet saknar {keys}.</translation>
    </message>
    <message>
        <source>Article {file}: last_reviewed must be YYYY-MM-DD and the interval a number.</source>
        <translation>Artikeln {file}: last_reviewed måste vara ÅÅÅÅ-MM-DD och intervallet ett tal.</translation>
    </message>
    <message>
        <source>Article {file}: unknown topic “{topic}”.</source>
        <translation>Artikeln {file}: okänt ämne ”{topic}”.</translation>
    </message>
    <message>
        <source>The call was not saved: correct the marked fields.</source>
        <translation>Samtalet sparades inte: rätta de markerade fälten.</translation>
    </message>
    <message>
        <source>Choose who is calling.</source>
        <translation>Välj vem som ringer.</translation>
    </message>
    <message>
        <source>Choose at least one topic.</source>
        <translation>Välj minst ett ämne.</translation>
    </message>
    <message>
        <source>A chosen topic no longer exists. Choose the topics again.</source>
        <translation>Ett valt ämne finns inte längre. Välj ämnena igen.</translation>
    </message>
    <message>
        <source>The topic “{topic}” has been retired and cannot be chosen for a call now.</source>
        <translation>Ämnet ”{topic}” har utgått och kan inte väljas för ett samtal nu.</translation>
    </message>
    <message>
        <source>Choose how the call ended.</source>
        <translation>Välj hur samtalet slutade.</translation>
    </message>
    <message>
        <source>The notes are {length} characters long; at most {limit} are allowed.</source>
        <translation>Anteckningarna är {length} tecken långa; högst {limit} tecken är tillåtna.</translation>
    </message>
    <message>
        <source>Give the phone number to call back.</source>
        <translation>Ange telefonnumret att ringa tillbaka till.</translation>
    </message>
    <message>
        <source>Write the phone number with 6 to 20 digits; only spaces, “-” and a leading “+” may be added.</source>
        <translation>Skriv telefonnumret med 6 till 20 siffror; bara mellanslag, ”-” och ett inledande ”+” får finnas med.</translation>
    </message>
    <message>
        <source>Give the time to call back.</source>
        <translation>Ange när du ska ringa tillbaka.</translation>
    </message>
    <message>
        <source>The time to call back has already passed. Choose a later time.</source>
        <translation>Tiden för återringning har redan passerat. Välj en senare tid.</translation>
    </message>
    <message>
        <source>No form in the register has the registry number “{number}”.</source>
        <translation>Ingen blankett i registret har diarienumret ”{number}”.</translation>
    </message>
    <message>
        <source>The duration must be between 0 seconds and 24 hours.</source>
        <translation>Längden måste vara mellan 0 sekunder och 24 timmar.</translation>
    </message>
    <message>
        <source>Someone else saved this call while you were editing it. Open the call again to see their changes, then make yours.</source>
        <translation>Någon annan sparade samtalet medan du ändrade det. Öppna samtalet igen för att se deras ändringar och gör sedan dina.</translation>
    </message>
    <message>
        <source>The call no longer exists.</source>
        <translation>Samtalet finns inte längre.</translation>
    </message>
    <message>
        <source>This call has no callback to mark as done.</source>
        <translation>Samtalet har ingen återringning att markera som klar.</translation>
    </message>
    <message>
        <source>Only a supervisor can add or retire topics.</source>
        <translation>Bara en chef kan lägga till eller avveckla ämnen.</translation>
    </message>
    <message>
        <source>Give the topic a name of at most {limit} characters.</source>
        <translation>Ge ämnet ett namn på högst {limit} tecken.</translation>
    </message>
    <message>
        <source>A topic named “{name}” already exists.</source>
        <translation>Det finns redan ett ämne som heter ”{name}”.</translation>
    </message>
    <message>
        <source>The topic no longer exists.</source>
        <translation>Ämnet finns inte längre.</translation>
    </message>
    <message>
        <source>No topic in use has the code “{code}” (see “kansli-desk topics list”).</source>
        <translation>Inget ämne som används har koden ”{code}” (se ”kansli-desk topics list”).</translation>
    </message>
</context>
<context>
    <name>FormsRegisterPanel</name>
    <message>
        <source>&lt;b&gt;Paper forms&lt;/b&gt;, most recently received first</source>
        <translation>&lt;b&gt;Pappersblanketter&lt;/b&gt;, senast mottagna först</translation>
    </message>
    <message>
        <source>Registry no.</source>
        <translation>Diarienr</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Akut</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Care unit</source>
        <translation>Vårdenhet</translation>
    </message>
    <message>
        <source>Form register</source>
        <translation>Blankettregister</translation>
    </message>
    <message>
        <source>Loading forms…</source>
        <translation>Läser in blanketter…</translation>
    </message>
    <message>
        <source>No forms registered yet.</source>
        <translation>Inga blanketter registrerade ännu.</translation>
    </message>
    <message>
        <source>{count} forms shown; scroll down for more.</source>
        <translation>{count} blanketter visas; rulla nedåt för fler.</translation>
    </message>
    <message>
        <source>All {count} forms shown.</source>
        <translation>Alla {count} blanketter visas.</translation>
    </message>
</context>
<context>
    <name>KnowledgePanel</name>
    <message>
        <source>Search the knowledge articles</source>
        <translation>Sök i kunskapsartiklarna</translation>
    </message>
    <message>
        <source>Search articles…</source>
        <translation>Sök artiklar…</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Granskad</translation>
    </message>
    <message>
        <source>Knowledge articles</source>
        <translation>Kunskapsartiklar</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>Artikeltext</translation>
    </message>
    <message>
        <source>Choose an article to read it here.</source>
        <translation>Välj en artikel för att läsa den här.</translation>
    </message>
    <message>
        <source>Loading articles…</source>
        <translation>Läser in artiklar…</translation>
    </message>
    <message>
        <source>Articles on the call's topics: {count}.</source>
        <translation>Artiklar om samtalets ämnen: {count}.</translation>
    </message>
    <message>
        <source>No articles match.</source>
        <translation>Inga artiklar matchar.</translation>
    </message>
    <message>
        <source>No articles.</source>
        <translation>Inga artiklar.</translation>
    </message>
    <message>
        <source>{count} articles.</source>
        <translation>{count} artiklar.</translation>
    </message>
    <message>
        <source>Needs review:</source>
        <translation>Behöver granskas:</translation>
    </message>
    <message>
        <source>this article is past its review date; check it before relying on it.</source>
        <translation>artikelns granskningsdatum har passerat; kontrollera den innan du litar på den.</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Källor:</translation>
    </message>
    <message>
        <source>Last reviewed {date} by {owner}, revision {revision}.</source>
        <translation>Senast granskad {date} av {owner}, version {revision}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Registers</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>&amp;Call log</source>
        <translation>&amp;Samtalslogg</translation>
    </message>
    <message>
        <source>&amp;Form register</source>
        <translation>&amp;Blankettregister</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Connect to a shared database…</source>
        <translation>&amp;Anslut till delad databas…</translation>
    </message>
    <message>
        <source>Use the &amp;local database</source>
        <translation>Använd den &amp;lokala databasen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;vsluta</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>Sa&amp;mtal</translation>
    </message>
    <message>
        <source>&amp;New call</source>
        <translation>&amp;Nytt samtal</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Search the knowledge articles</source>
        <translation>&amp;Sök i kunskapsartiklarna</translation>
    </message>
    <message>
        <source>Show the &amp;knowledge panel</source>
        <translation>Visa &amp;kunskapspanelen</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Inställningar</translation>
    </message>
    <message>
        <source>Call &amp;topics…</source>
        <translation>Samtals&amp;ämnen…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;About Kansli Desk</source>
        <translation>&amp;Om Kansli Desk</translation>
    </message>
    <message>
        <source>Opening {where}…</source>
        <translation>Öppnar {where}…</translation>
    </message>
    <message>
        <source>The new language is used the next time you start Kansli Desk.</source>
        <translation>Det nya språket används nästa gång du startar Kansli Desk.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>About Kansli Desk</source>
        <translation>Om Kansli Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kansli Desk {version}&lt;/h3&gt;&lt;p&gt;Call log, knowledge panel and form register for Regionstab Kansli, Region Kalmar län.&lt;/p&gt;&lt;p&gt;Database: {where}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kansli Desk {version}&lt;/h3&gt;&lt;p&gt;Samtalslogg, kunskapspanel och blankettregister för Regionstab Kansli, Region Kalmar län.&lt;/p&gt;&lt;p&gt;Databas: {where}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The database was upgraded to the current schema.</source>
        <translation>Databasen uppgraderades till aktuellt schema.</translation>
    </message>
    <message>
        <source>No keyring is available on this computer, so the password could not be saved. It is kept in memory until you quit Kansli Desk.</source>
        <translation>Det finns ingen nyckelring på den här datorn, så lösenordet kunde inte sparas. Det finns kvar i minnet tills du avslutar Kansli Desk.</translation>
    </message>
    <message>
        <source>The database could not be opened because of an unexpected error. The details are in the log file.</source>
        <translation>Databasen kunde inte öppnas på grund av ett oväntat fel. Detaljerna finns i loggfilen.</translation>
    </message>
    <message>
        <source>Choose another database…</source>
        <translation>Välj en annan databas…</translation>
    </message>
    <message>
        <source>Use the local database</source>
        <translation>Använd den lokala databasen</translation>
    </message>
    <message>
        <source>Keep the current database</source>
        <translation>Behåll nuvarande databas</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Nothing you saved was lost; the details are in the log file. Please tell the developers.</source>
        <translation>Något oväntat gick fel. Inget du har sparat har gått förlorat; detaljerna finns i loggfilen. Meddela gärna utvecklarna.</translation>
    </message>
</context>
<context>
    <name>OfficeHoursWatcher</name>
    <message>
        <source>Kansli open until {time}</source>
        <translation>Kansliet öppet till {time}</translation>
    </message>
    <message>
        <source>Kansli closed</source>
        <translation>Kansliet stängt</translation>
    </message>
    <message>
        <source>opens {day} {time}</source>
        <translation>öppnar {day} {time}</translation>
    </message>
    <message>
        <source>Kansli closed ({holiday}); {opens}</source>
        <translation>Kansliet stängt ({holiday}); {opens}</translation>
    </message>
    <message>
        <source>Kansli closed; {opens}</source>
        <translation>Kansliet stängt; {opens}</translation>
    </message>
    <message>
        <source>Outside office hours: urgent orders go to Supportcenter Vårdsystem, phone 0480-840 38, option 2 (fill in the digital form first). During standby 17:00–07:00, leave a message and expect a callback within 30 minutes. Non-urgent orders are handled in office hours.</source>
        <translation>Utanför kontorstid: akuta beställningar görs till Supportcenter Vårdsystem, telefon 0480-840 38 knappval 2 (fyll först i den digitala blanketten). Under beredskapstid 17:00–07:00: tala in ett meddelande och invänta uppringning inom 30 minuter. Beställningar som inte är akuta handläggs under kontorstid.</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>måndag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>tisdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>onsdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>torsdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>fredag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>lördag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>söndag</translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>i morgon</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Database password</source>
        <translation>Databaslösenord</translation>
    </message>
    <message>
        <source>Password for {where}</source>
        <translation>Lösenord för {where}</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the keyring</source>
        <translation>&amp;Kom ihåg lösenordet i nyckelringen</translation>
    </message>
    <message>
        <source>Remember the password</source>
        <translation>Kom ihåg lösenordet</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
</context>
<context>
    <name>RegisterList</name>
    <message>
        <source>The list could not be read.</source>
        <translation>Listan kunde inte läsas in.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Opening the database…</source>
        <translation>Öppnar databasen…</translation>
    </message>
    <message>
        <source>{user} ({role})</source>
        <translation>{user} ({role})</translation>
    </message>
    <message>
        <source>Logged in as {login}</source>
        <translation>Inloggad som {login}</translation>
    </message>
    <message>
        <source>Local database: {path}</source>
        <translation>Lokal databas: {path}</translation>
    </message>
    <message>
        <source>Shared database: {where}</source>
        <translation>Delad databas: {where}</translation>
    </message>
</context>
<context>
    <name>TopicsDialog</name>
    <message>
        <source>Call topics</source>
        <translation>Samtalsämnen</translation>
    </message>
    <message>
        <source>Topics are offered in the call form. A retired topic is no longer offered but stays on the calls that have it.</source>
        <translation>Ämnena erbjuds i samtalsformuläret. Ett avvecklat ämne erbjuds inte längre men finns kvar på de samtal som har det.</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Avvecklat</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>I bruk</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>&amp;Retire the chosen topic…</source>
        <translation>&amp;Avveckla det valda ämnet…</translation>
    </message>
    <message>
        <source>Name of the new topic</source>
        <translation>Namn på det nya ämnet</translation>
    </message>
    <message>
        <source>Description of the new topic</source>
        <translation>Beskrivning av det nya ämnet</translation>
    </message>
    <message>
        <source>What calls on this topic are about</source>
        <translation>Vad samtal om ämnet handlar om</translation>
    </message>
    <message>
        <source>&amp;Add topic</source>
        <translation>&amp;Lägg till ämne</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>Nytt ämne</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <source>Loading topics…</source>
        <translation>Läser in ämnen…</translation>
    </message>
    <message>
        <source>{count} topics.</source>
        <translation>{count} ämnen.</translation>
    </message>
    <message>
        <source>Topic “{name}” added.</source>
        <translation>Ämnet ”{name}” har lagts till.</translation>
    </message>
    <message>
        <source>Retire topic</source>
        <translation>Avveckla ämne</translation>
    </message>
    <message>
        <source>Retire “{name}”? It is no longer offered for new calls; calls that have it keep it.</source>
        <translation>Avveckla ”{name}”? Det erbjuds inte längre för nya samtal; samtal som har det behåller det.</translation>
    </message>
    <message>
        <source>Topic “{name}” retired.</source>
        <translation>Ämnet ”{name}” har avvecklats.</translation>
    </message>
</context>
</TS>