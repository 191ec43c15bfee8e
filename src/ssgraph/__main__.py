from ssgraph.cli import main

main()
