# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_roster_global_optspecs
    string join \n w/workspace= format= q/quiet color= h/help V/version
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
complete -c roster -n "__fish_roster_needs_command" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_needs_command" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_needs_command" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_needs_command" -s V -l version -d 'Print version'
complete -c roster -n "__fish_roster_needs_command" -f -a "init" -d 'Create a new workspace from the built-in template'
complete -c roster -n "__fish_roster_needs_command" -f -a "check" -d 'Validate the workspace: every problem, with file:line:col'
complete -c roster -n "__fish_roster_needs_command" -f -a "member" -d 'List and show members'
complete -c roster -n "__fish_roster_needs_command" -f -a "profile" -d 'List, show and compare access profiles'
complete -c roster -n "__fish_roster_needs_command" -f -a "client" -d 'List clients'
complete -c roster -n "__fish_roster_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c roster -n "__fish_roster_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand init" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand init" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_using_subcommand init" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand init" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand check" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand check" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_using_subcommand check" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand check" -l strict -d 'Fail on warnings too (exit 1)'
complete -c roster -n "__fish_roster_using_subcommand check" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show help" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show help" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show help" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show help" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show help" -f -a "list" -d 'List members, optionally only those of a profile, status or client'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show help" -f -a "show" -d 'Show one member: profile, clients, overrides and effective access'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l profile -d 'Only members of this profile (their own, or a per-client one)' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l status -d 'Only members with this status' -r -f -a "active\t''
invited\t''
suspended\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l client -d 'Only members this client is assigned to' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "list" -d 'List members, optionally only those of a profile, status or client'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one member: profile, clients, overrides and effective access'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default help" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default help" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default help" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default help" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default help" -f -a "list" -d 'List profiles with their tier, price, member count, and the default marked'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default help" -f -a "show" -d 'Show a profile\'s grants, every area.action, and its members'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default help" -f -a "compare" -d 'Compare two profiles\' grants side by side (also csv, json, markdown)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default help" -f -a "default" -d 'Print the default profile, the one new members get'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from list show compare default help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -l only-diff -d 'Show only the area.actions whose levels differ'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from compare" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from default" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List profiles with their tier, price, member count, and the default marked'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a profile\'s grants, every area.action, and its members'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "compare" -d 'Compare two profiles\' grants side by side (also csv, json, markdown)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "default" -d 'Print the default profile, the one new members get'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list help" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list help" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list help" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'List clients, optionally only those assigned to a member'
complete -c roster -n "__fish_roster_using_subcommand client; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -l member -d 'Only the clients assigned to this member' -r
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "list" -d 'List clients, optionally only those assigned to a member'
complete -c roster -n "__fish_roster_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand completions" -s w -l workspace -d 'The workspace folder [default: the nearest folder upwards holding workspace.toml, else ./config]' -r -F
complete -c roster -n "__fish_roster_using_subcommand completions" -l format -d 'How data is printed' -r -f -a "table\t'Aligned columns for people'
csv\t'A header row and one record per row'
json\t'For scripts'
markdown\t'A Markdown table, ready to paste into a pull request'"
complete -c roster -n "__fish_roster_using_subcommand completions" -l color -d 'When to use colour; `auto` honours NO_COLOR and never colours a pipe' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_using_subcommand completions" -s q -l quiet -d 'Print nothing on success'
complete -c roster -n "__fish_roster_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check member profile client completions help" -f -a "init" -d 'Create a new workspace from the built-in template'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check member profile client completions help" -f -a "check" -d 'Validate the workspace: every problem, with file:line:col'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check member profile client completions help" -f -a "member" -d 'List and show members'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check member profile client completions help" -f -a "profile" -d 'List, show and compare access profiles'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check member profile client completions help" -f -a "client" -d 'List clients'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check member profile client completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init check member profile client completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "list" -d 'List members, optionally only those of a profile, status or client'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "show" -d 'Show one member: profile, clients, overrides and effective access'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List profiles with their tier, price, member count, and the default marked'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "show" -d 'Show a profile\'s grants, every area.action, and its members'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "compare" -d 'Compare two profiles\' grants side by side (also csv, json, markdown)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "default" -d 'Print the default profile, the one new members get'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "list" -d 'List clients, optionally only those assigned to a member'
