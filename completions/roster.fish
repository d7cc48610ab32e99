# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_roster_global_optspecs
    string join \n w/workspace= format= q/quiet as= at= dry-run allow-failing-tests lock-timeout= rev= color= h/help V/version
end

function __fish_roster_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_roster_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_roster_using_subcommand
    set -l cmd (__fish_roster_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c roster -n "__fish_roster_needs_command" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_needs_command" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_needs_command" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_needs_command" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_needs_command" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_needs_command" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_needs_command" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_needs_command" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_needs_command" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_needs_command" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_needs_command" -s V -l version -d 'Print version'
complete -c roster -n "__fish_roster_needs_command" -f -a "init" -d 'Create a new workspace from the built-in template'
complete -c roster -n "__fish_roster_needs_command" -f -a "check" -d 'Validate the workspace: every problem, with file:line:col'
complete -c roster -n "__fish_roster_needs_command" -f -a "fmt" -d 'Rewrite every file in one canonical order and layout, comments kept'
complete -c roster -n "__fish_roster_needs_command" -f -a "member" -d 'List, show, add, edit and remove members'
complete -c roster -n "__fish_roster_needs_command" -f -a "profile" -d 'List, show, compare, duplicate, edit and remove access profiles'
complete -c roster -n "__fish_roster_needs_command" -f -a "transfer-all" -d 'Move every member of a profile (per-client profiles too) to another'
complete -c roster -n "__fish_roster_needs_command" -f -a "transfer-one" -d 'Move one member to another profile, or only for one client'
complete -c roster -n "__fish_roster_needs_command" -f -a "client" -d 'List, add and remove clients; assign them to members'
complete -c roster -n "__fish_roster_needs_command" -f -a "team" -d 'List, show, add, edit and remove teams (a client assigned to a team reaches each member)'
complete -c roster -n "__fish_roster_needs_command" -f -a "access" -d 'Who can do what, and why'
complete -c roster -n "__fish_roster_needs_command" -f -a "export" -d 'Export members, profiles, clients, assignments or the access matrix as CSV or JSON'
complete -c roster -n "__fish_roster_needs_command" -f -a "import" -d 'Add or update members in bulk from CSV (all or nothing)'
complete -c roster -n "__fish_roster_needs_command" -f -a "batch" -d 'Make many changes at once, one per line of a file: one validation, one write'
complete -c roster -n "__fish_roster_needs_command" -f -a "diff" -d 'Who gains and loses access between git revisions, and the monthly cost'
complete -c roster -n "__fish_roster_needs_command" -f -a "test" -d 'Run the access expectations of tests.toml'
complete -c roster -n "__fish_roster_needs_command" -f -a "cost" -d 'Monthly cost, seats and licences, and the credit limits total'
complete -c roster -n "__fish_roster_needs_command" -f -a "prune" -d 'Clear what has ended: expired assignments, per-client profiles and overrides; suspend members past their until'
complete -c roster -n "__fish_roster_needs_command" -f -a "log" -d 'Effective access changes commit by commit, newest first'
complete -c roster -n "__fish_roster_needs_command" -f -a "review" -d 'Access reviews: campaigns, decisions, revocations, a report for auditors'
complete -c roster -n "__fish_roster_needs_command" -f -a "analyze" -d 'Licence savings and least-privilege findings, each with the command that realises it'
complete -c roster -n "__fish_roster_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c roster -n "__fish_roster_needs_command" -f -a "schema" -d 'Write the JSON Schemas of the workspace files, for editors'
complete -c roster -n "__fish_roster_needs_command" -f -a "man" -d 'Write the manual pages, one per command'
complete -c roster -n "__fish_roster_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand init" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand init" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand init" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand init" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand init" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand init" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand init" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand init" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand init" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand init" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand init" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand check" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand check" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand check" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand check" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand check" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand check" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand check" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand check" -l strict -d 'Fail on warnings too (exit 1)'
complete -c roster -n "__fish_roster_using_subcommand check" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand check" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand check" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand check" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand fmt" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand fmt" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand fmt" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand fmt" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand fmt" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand fmt" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand fmt" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand fmt" -l check -d 'List the files that are not formatted and exit 1; write nothing'
complete -c roster -n "__fish_roster_using_subcommand fmt" -l diff -d 'With --check: show how each file would change, as a unified diff'
complete -c roster -n "__fish_roster_using_subcommand fmt" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand fmt" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand fmt" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand fmt" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -f -a "list" -d 'List members, optionally only those of a profile, status or client'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -f -a "show" -d 'Show one member: profile, clients, overrides and effective access'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -f -a "add" -d 'Add a member (on the default profile unless --profile)'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -f -a "edit" -d 'Change a member\'s name, email, status, credit limit or grant overrides'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -f -a "remove" -d 'Remove a member (never the owner)'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -f -a "rename" -d 'Rename a member\'s id everywhere: entry, owner, created_by, tests, teams, pending reviews'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show add edit remove rename help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l profile -d 'Only members of this profile (their own, or a per-client one)' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l status -d 'Only members with this status' -r -f -a "active\t''
invited\t''
suspended\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l client -d 'Only members this client is assigned to' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l name -d 'Their full name' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l email -d 'Their email address, unique in the workspace' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l profile -d 'Their profile [default: the workspace\'s default profile]' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l client -d 'A client to assign to them (repeat for several)' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l status -d 'Their status' -r -f -a "active\t''
invited\t''
suspended\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l from -d 'Their first day of access (YYYY-MM-DD)' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l until -d 'Their last day of access and of a seat (YYYY-MM-DD), e.g. a temp\'s' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l name -d 'A new full name' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l email -d 'A new email address' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l status -d 'A new status; only active members have any access' -r -f -a "active\t''
invited\t''
suspended\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l credit-limit -d 'A monthly credit limit' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l grant -d 'Grant this member one area.action above their profile, within its tier\'s ceiling' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l revoke-grant -d 'Remove a grant override, back to the profile\'s level' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l from -d 'The member\'s first day of access (YYYY-MM-DD)' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l until -d 'The member\'s last day of access (YYYY-MM-DD); with --grant, the last day of those overrides' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l no-credit-limit -d 'Remove the credit limit'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l no-until -d 'Remove the member\'s last day: access with no end'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from rename" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from rename" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from rename" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from rename" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from rename" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from rename" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from rename" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from rename" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from rename" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from rename" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "list" -d 'List members, optionally only those of a profile, status or client'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one member: profile, clients, overrides and effective access'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a member (on the default profile unless --profile)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a member\'s name, email, status, credit limit or grant overrides'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a member (never the owner)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename a member\'s id everywhere: entry, owner, created_by, tests, teams, pending reviews'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -f -a "list" -d 'List profiles with their tier, price, member count, and the default marked'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -f -a "show" -d 'Show a profile\'s grants, every area.action, and its members'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -f -a "compare" -d 'Compare two profiles\' grants side by side (also csv, json, markdown)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -f -a "default" -d 'Print the default profile (the one new members get), or set it'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -f -a "duplicate" -d 'Copy a profile, to restrict the copy (it keeps the tier and price)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -f -a "edit" -d 'Change a profile\'s grants, name, description or tier (not a builtin one)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -f -a "remove" -d 'Remove a profile no member uses (not a builtin one, not the default)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default duplicate edit remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -l only-diff -d 'Show only the area.actions whose levels differ'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from duplicate" -l name -d 'The new profile\'s name [default: "Copy of <source name>"]' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from duplicate" -l description -d 'The new profile\'s description' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from duplicate" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from duplicate" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from duplicate" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from duplicate" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from duplicate" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from duplicate" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from duplicate" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from duplicate" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from duplicate" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from duplicate" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from duplicate" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -l set -d 'Set one area.action\'s level (repeat for several)' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -l name -d 'A new name' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -l description -d 'A new description' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -l tier -d 'Move the profile to another license tier (changes what its members cost)' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from remove" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from remove" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from remove" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from remove" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from remove" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from remove" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from remove" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from remove" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List profiles with their tier, price, member count, and the default marked'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a profile\'s grants, every area.action, and its members'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "compare" -d 'Compare two profiles\' grants side by side (also csv, json, markdown)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "default" -d 'Print the default profile (the one new members get), or set it'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "duplicate" -d 'Copy a profile, to restrict the copy (it keeps the tier and price)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a profile\'s grants, name, description or tier (not a builtin one)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a profile no member uses (not a builtin one, not the default)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand transfer-all" -l to -d 'The profile they move to' -r
complete -c roster -n "__fish_roster_using_subcommand transfer-all" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand transfer-all" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand transfer-all" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand transfer-all" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand transfer-all" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand transfer-all" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand transfer-all" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand transfer-all" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand transfer-all" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand transfer-all" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand transfer-all" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -l to -d 'The profile they move to' -r
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -l client -d 'Only for this client (it must be assigned to them)' -r
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -l until -d 'With --client: the last day of the per-client profile (YYYY-MM-DD), written `{ profile = "P", until = DATE }`' -r
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand transfer-one" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -f -a "list" -d 'List clients, optionally only those assigned to a member'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -f -a "add" -d 'Add a company or a contact'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -f -a "remove" -d 'Remove a client, and drop it from every member'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -f -a "assign" -d 'Assign clients to a member'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -f -a "unassign" -d 'Take clients from a member'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list add remove assign unassign help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -l member -d 'Only the clients assigned to this member' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -l name -d 'Its name' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -l kind -d 'A company or a contact [default: contact with --company, else company]' -r -f -a "company\t''
contact\t''"
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -l company -d 'The company a contact belongs to' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -l created-by -d 'The member who created it (they reach it at level `own`)' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from remove" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from remove" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from remove" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from remove" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from remove" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from remove" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from remove" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from remove" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -l to -d 'The member they are assigned to' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -l team -d 'The team they are assigned to: each of its members and its lead reach them' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -l profile -d 'For these clients, the member works under this profile (the per-client profile, set in the same change)' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -l until -d 'The last day of the assignment (YYYY-MM-DD): written `{ id = "C", until = DATE }`' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from assign" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from unassign" -l from -d 'The member they are taken from' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from unassign" -l team -d 'The team they are taken from' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from unassign" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from unassign" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from unassign" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from unassign" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from unassign" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from unassign" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from unassign" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from unassign" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from unassign" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from unassign" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from unassign" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "list" -d 'List clients, optionally only those assigned to a member'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a company or a contact'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a client, and drop it from every member'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "assign" -d 'Assign clients to a member'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "unassign" -d 'Take clients from a member'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -f -a "list" -d 'List teams: name, lead, members and clients'
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -f -a "show" -d 'Show one team, and what each of its members reaches through it'
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -f -a "add" -d 'Add a team'
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -f -a "edit" -d 'Rename a team, change its lead, add or remove members'
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -f -a "remove" -d 'Remove a team (its members lose the clients they had through it)'
complete -c roster -n "__fish_roster_using_subcommand team; and not __fish_seen_subcommand_from list show add edit remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from list" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from list" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from list" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from list" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from list" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from list" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from list" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from list" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from show" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from show" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from show" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from show" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from show" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from show" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from show" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from show" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from show" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -l name -d 'Its name' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -l lead -d 'The member who leads it (reaches its clients like its members)' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -l member -d 'A member of the team (repeat for several)' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -l name -d 'Its new name' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -l lead -d 'Its new lead' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -l add -d 'A member who joins (repeat for several)' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -l remove -d 'A member who leaves (repeat for several)' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -l no-lead -d 'Leave the team without a lead'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from remove" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from remove" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from remove" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from remove" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from remove" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from remove" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from remove" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from remove" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "list" -d 'List teams: name, lead, members and clients'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one team, and what each of its members reaches through it'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a team'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Rename a team, change its lead, add or remove members'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a team (its members lose the clients they had through it)'
complete -c roster -n "__fish_roster_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -f -a "check" -d 'May a member do AREA.ACTION (on a client)? Exit 0 allowed, 1 denied; with the reasons'
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -f -a "who-can" -d 'The active members who can do AREA.ACTION (on a client)'
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -f -a "matrix" -d 'Every member\'s level on every area.action'
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -f -a "list" -d 'Everything a member can do ("view as"): each area.action, its level, the profile, the clients reached and how'
complete -c roster -n "__fish_roster_using_subcommand access; and not __fish_seen_subcommand_from check who-can matrix list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from check" -l client -d 'On this client' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from check" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from check" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from check" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from check" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from check" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from check" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from check" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from check" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from check" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from who-can" -l client -d 'On this client' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from who-can" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from who-can" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from who-can" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from who-can" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from who-can" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from who-can" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from who-can" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from who-can" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from who-can" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from who-can" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from who-can" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from matrix" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from matrix" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from matrix" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from matrix" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from matrix" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from matrix" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from matrix" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from matrix" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from matrix" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from matrix" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from matrix" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from list" -l client -d 'Judge every area.action for this client (under the profile in effect for it)' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from list" -l area -d 'Only this area' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from list" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from list" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from list" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from list" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from list" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from list" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from list" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from list" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "check" -d 'May a member do AREA.ACTION (on a client)? Exit 0 allowed, 1 denied; with the reasons'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "who-can" -d 'The active members who can do AREA.ACTION (on a client)'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "matrix" -d 'Every member\'s level on every area.action'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "list" -d 'Everything a member can do ("view as"): each area.action, its level, the profile, the clients reached and how'
complete -c roster -n "__fish_roster_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand export" -s o -l output -d 'Write to this file (atomically) instead of stdout' -r -F
complete -c roster -n "__fish_roster_using_subcommand export" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand export" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand export" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand export" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand export" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand export" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand export" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand export" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand export" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand export" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand import; and not __fish_seen_subcommand_from members help" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand import; and not __fish_seen_subcommand_from members help" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand import; and not __fish_seen_subcommand_from members help" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand import; and not __fish_seen_subcommand_from members help" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand import; and not __fish_seen_subcommand_from members help" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand import; and not __fish_seen_subcommand_from members help" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand import; and not __fish_seen_subcommand_from members help" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand import; and not __fish_seen_subcommand_from members help" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand import; and not __fish_seen_subcommand_from members help" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand import; and not __fish_seen_subcommand_from members help" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand import; and not __fish_seen_subcommand_from members help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand import; and not __fish_seen_subcommand_from members help" -f -a "members" -d 'Add or update members from a CSV file with the columns of `export members`'
complete -c roster -n "__fish_roster_using_subcommand import; and not __fish_seen_subcommand_from members help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand import; and __fish_seen_subcommand_from members" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand import; and __fish_seen_subcommand_from members" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand import; and __fish_seen_subcommand_from members" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand import; and __fish_seen_subcommand_from members" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand import; and __fish_seen_subcommand_from members" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand import; and __fish_seen_subcommand_from members" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand import; and __fish_seen_subcommand_from members" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand import; and __fish_seen_subcommand_from members" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand import; and __fish_seen_subcommand_from members" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand import; and __fish_seen_subcommand_from members" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand import; and __fish_seen_subcommand_from members" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "members" -d 'Add or update members from a CSV file with the columns of `export members`'
complete -c roster -n "__fish_roster_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand batch" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand batch" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand batch" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand batch" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand batch" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand batch" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand batch" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand batch" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand batch" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand batch" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand batch" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand diff" -l to -d 'Compare with this revision instead of the working tree' -r
complete -c roster -n "__fish_roster_using_subcommand diff" -l max-losing -d 'Exit 1 when more than N members lose any access (a guard against mass removals)' -r
complete -c roster -n "__fish_roster_using_subcommand diff" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand diff" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand diff" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand diff" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand diff" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand diff" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand diff" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand diff" -l exit-code -d 'Exit 1 when anything changed'
complete -c roster -n "__fish_roster_using_subcommand diff" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand diff" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand diff" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand diff" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand test" -l filter -d 'Run only the tests whose name contains TEXT' -r
complete -c roster -n "__fish_roster_using_subcommand test" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand test" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand test" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand test" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand test" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand test" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand test" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand test" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand test" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand test" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand test" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand cost" -l by -d 'Group the seats by licence tier, by the profile that sets each licence, or by member' -r -f -a "tier\t''
profile\t''
member\t''"
complete -c roster -n "__fish_roster_using_subcommand cost" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand cost" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand cost" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand cost" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand cost" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand cost" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand cost" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand cost" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand cost" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand cost" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand cost" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand prune" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand prune" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand prune" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand prune" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand prune" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand prune" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand prune" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand prune" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand prune" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand prune" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand prune" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand log" -l member -d 'Only changes of this member\'s access (their arrival and departure included)' -r
complete -c roster -n "__fish_roster_using_subcommand log" -l client -d 'Only changes of access to this client' -r
complete -c roster -n "__fish_roster_using_subcommand log" -l area -d 'Only changes on this area, or on this area.action' -r
complete -c roster -n "__fish_roster_using_subcommand log" -l limit -d 'Show at most N commits' -r
complete -c roster -n "__fish_roster_using_subcommand log" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand log" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand log" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand log" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand log" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand log" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand log" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand log" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand log" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand log" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand log" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -f -a "start" -d 'Start a campaign: freeze each member\'s access, and each assigned client\'s, for review'
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -f -a "decide" -d 'Record a reviewer\'s decision on one item: keep or revoke'
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -f -a "status" -d 'Where a campaign stands: pending, kept and revoked items by reviewer (exit 1 while any is pending)'
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -f -a "apply" -d 'Apply a campaign\'s revocations: unassign the clients, suspend the members'
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -f -a "report" -d 'The campaign\'s report for auditors: one self-contained HTML page'
complete -c roster -n "__fish_roster_using_subcommand review; and not __fish_seen_subcommand_from start decide status apply report help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -l due -d 'The day every item should be decided by (YYYY-MM-DD)' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -l profile -d 'Only the members of this profile (their own, or one they work under for a client); repeat for several' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -l team -d 'Only the members of this team and its lead; repeat for several (with --profile: in a team OR with a profile)' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from decide" -l note -d 'Why, in the reviewer\'s words (kept in the campaign and its report)' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from decide" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from decide" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from decide" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from decide" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from decide" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from decide" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from decide" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from decide" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from decide" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from decide" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from decide" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from status" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from status" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from status" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from status" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from status" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from status" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from status" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from status" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from status" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from apply" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from apply" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from apply" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from apply" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from apply" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from apply" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from apply" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from apply" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from apply" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from report" -s o -l output -d 'Write the page to this file instead of stdout' -r -F
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from report" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from report" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from report" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from report" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from report" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from report" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from report" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from report" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from report" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from report" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from report" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start a campaign: freeze each member\'s access, and each assigned client\'s, for review'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from help" -f -a "decide" -d 'Record a reviewer\'s decision on one item: keep or revoke'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from help" -f -a "status" -d 'Where a campaign stands: pending, kept and revoked items by reviewer (exit 1 while any is pending)'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Apply a campaign\'s revocations: unassign the clients, suspend the members'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from help" -f -a "report" -d 'The campaign\'s report for auditors: one self-contained HTML page'
complete -c roster -n "__fish_roster_using_subcommand review; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand analyze" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand analyze" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand analyze" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand analyze" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand analyze" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand analyze" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand analyze" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand analyze" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand analyze" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand analyze" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand analyze" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand completions" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand completions" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand completions" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand completions" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand completions" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand completions" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand completions" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand completions" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand completions" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand completions" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand completions" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand schema" -l out -d 'Write each schema into this folder as KIND.schema.json (the folder is created if needed)' -r -F
complete -c roster -n "__fish_roster_using_subcommand schema" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand schema" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand schema" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand schema" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand schema" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand schema" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand schema" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand schema" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand schema" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand schema" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand schema" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand man" -l out -d 'Write the pages into this folder (created if needed): the command\'s page and those of the commands under it' -r -F
complete -c roster -n "__fish_roster_using_subcommand man" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand man" -l format -d 'How data is printed: table, csv, json or markdown' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'
github\t'GitHub Actions workflow commands: annotations on the lines (check, test)'
sarif\t'SARIF 2.1.0, for code scanning (check)'
junit\t'JUnit XML, for test reports (test)'"
complete -c roster -n "__fish_roster_using_subcommand man" -l as -d 'The member who makes the change (needs settings.edit = all)' -r
complete -c roster -n "__fish_roster_using_subcommand man" -l at -d 'Judge access on this date (YYYY-MM-DD) instead of today' -r
complete -c roster -n "__fish_roster_using_subcommand man" -l lock-timeout -d 'How long a change waits for another one to finish' -r
complete -c roster -n "__fish_roster_using_subcommand man" -l rev -d 'Read commands: read the workspace as it is at this git revision; nothing is written' -r
complete -c roster -n "__fish_roster_using_subcommand man" -l color -d 'When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand man" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand man" -l dry-run -d 'For changes: print the unified diff of every file that would change, write nothing'
complete -c roster -n "__fish_roster_using_subcommand man" -l allow-failing-tests -d 'For changes: go ahead even if a passing test of tests.toml would fail'
complete -c roster -n "__fish_roster_using_subcommand man" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "init" -d 'Create a new workspace from the built-in template'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "check" -d 'Validate the workspace: every problem, with file:line:col'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "fmt" -d 'Rewrite every file in one canonical order and layout, comments kept'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "member" -d 'List, show, add, edit and remove members'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "profile" -d 'List, show, compare, duplicate, edit and remove access profiles'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "transfer-all" -d 'Move every member of a profile (per-client profiles too) to another'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "transfer-one" -d 'Move one member to another profile, or only for one client'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "client" -d 'List, add and remove clients; assign them to members'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "team" -d 'List, show, add, edit and remove teams (a client assigned to a team reaches each member)'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "access" -d 'Who can do what, and why'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "export" -d 'Export members, profiles, clients, assignments or the access matrix as CSV or JSON'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "import" -d 'Add or update members in bulk from CSV (all or nothing)'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "batch" -d 'Make many changes at once, one per line of a file: one validation, one write'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "diff" -d 'Who gains and loses access between git revisions, and the monthly cost'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "test" -d 'Run the access expectations of tests.toml'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "cost" -d 'Monthly cost, seats and licences, and the credit limits total'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "prune" -d 'Clear what has ended: expired assignments, per-client profiles and overrides; suspend members past their until'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "log" -d 'Effective access changes commit by commit, newest first'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "review" -d 'Access reviews: campaigns, decisions, revocations, a report for auditors'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "analyze" -d 'Licence savings and least-privilege findings, each with the command that realises it'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "completions" -d 'Print a shell completion script'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "schema" -d 'Write the JSON Schemas of the workspace files, for editors'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "man" -d 'Write the manual pages, one per command'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check fmt member profile transfer-all transfer-one client team access export import batch diff test cost prune log review analyze completions schema man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "list" -d 'List members, optionally only those of a profile, status or client'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "show" -d 'Show one member: profile, clients, overrides and effective access'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "add" -d 'Add a member (on the default profile unless --profile)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "edit" -d 'Change a member\'s name, email, status, credit limit or grant overrides'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "remove" -d 'Remove a member (never the owner)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "rename" -d 'Rename a member\'s id everywhere: entry, owner, created_by, tests, teams, pending reviews'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List profiles with their tier, price, member count, and the default marked'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "show" -d 'Show a profile\'s grants, every area.action, and its members'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "compare" -d 'Compare two profiles\' grants side by side (also csv, json, markdown)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "default" -d 'Print the default profile (the one new members get), or set it'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "duplicate" -d 'Copy a profile, to restrict the copy (it keeps the tier and price)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "edit" -d 'Change a profile\'s grants, name, description or tier (not a builtin one)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "remove" -d 'Remove a profile no member uses (not a builtin one, not the default)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "list" -d 'List clients, optionally only those assigned to a member'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "add" -d 'Add a company or a contact'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "remove" -d 'Remove a client, and drop it from every member'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "assign" -d 'Assign clients to a member'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "unassign" -d 'Take clients from a member'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "list" -d 'List teams: name, lead, members and clients'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "show" -d 'Show one team, and what each of its members reaches through it'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "add" -d 'Add a team'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "edit" -d 'Rename a team, change its lead, add or remove members'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "remove" -d 'Remove a team (its members lose the clients they had through it)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from access" -f -a "check" -d 'May a member do AREA.ACTION (on a client)? Exit 0 allowed, 1 denied; with the reasons'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from access" -f -a "who-can" -d 'The active members who can do AREA.ACTION (on a client)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from access" -f -a "matrix" -d 'Every member\'s level on every area.action'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from access" -f -a "list" -d 'Everything a member can do ("view as"): each area.action, its level, the profile, the clients reached and how'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from import" -f -a "members" -d 'Add or update members from a CSV file with the columns of `export members`'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from review" -f -a "start" -d 'Start a campaign: freeze each member\'s access, and each assigned client\'s, for review'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from review" -f -a "decide" -d 'Record a reviewer\'s decision on one item: keep or revoke'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from review" -f -a "status" -d 'Where a campaign stands: pending, kept and revoked items by reviewer (exit 1 while any is pending)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from review" -f -a "apply" -d 'Apply a campaign\'s revocations: unassign the clients, suspend the members'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from review" -f -a "report" -d 'The campaign\'s report for auditors: one self-contained HTML page'
