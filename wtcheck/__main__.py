from wtcheck.cli.app import main

main()
