from resdiff.cli import main

main()
